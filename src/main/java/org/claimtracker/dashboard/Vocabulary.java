package org.claimtracker.dashboard;

import io.quarkus.qute.TemplateGlobal;
import java.util.Arrays;
import java.util.List;
import org.claimtracker.account.AccountRole;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.claim.Grading;
import org.claimtracker.incident.DatePrecision;
import org.claimtracker.outlet.OutletKind;
import org.claimtracker.party.PartyKind;
import org.claimtracker.position.Position;
import org.claimtracker.response.Stance;

/** The controlled vocabularies, as option lists for the admin templates. */
@TemplateGlobal
public final class Vocabulary {

    public static List<String> outletKinds = names(OutletKind.values());
    public static List<String> partyKinds = names(PartyKind.values());
    public static List<String> claimKinds = names(ClaimKind.values());
    public static List<String> gradings = names(Grading.values());
    public static List<String> stances = names(Stance.values());
    public static List<String> precisions = names(DatePrecision.values());
    public static List<String> positions = names(Position.values());
    public static List<String> roles = names(AccountRole.values());

    private Vocabulary() {
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
