package org.claimtracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of ARCHITECTURE.md, checked on the compiled classes: the shared layers never
 * reach up (core knows nothing of the tracker; the API layer knows the core; the admin web layer
 * knows both), the accounts and tokens do not depend on how requests are authenticated (security
 * builds on them, not the other way), services never see the admin layer's forms, and what the
 * REST and admin resources hand out are records, never entities.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void read() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.claimtracker");
    }

    @Test
    void everyPackageIsNamedHere() {
        java.util.Set<String> packages = new java.util.TreeSet<>();
        classes.forEach(c -> {
            String name = c.getPackageName();
            if (name.startsWith("org.claimtracker.")) {
                packages.add(name.substring("org.claimtracker.".length()).split("\\.")[0]);
            }
        });
        org.junit.jupiter.api.Assertions.assertEquals(new java.util.TreeSet<>(PACKAGES), packages,
                "a new package must be placed in the rules (and in ARCHITECTURE.md)");
    }

    @Test
    void theCoreDependsOnNothingElseOfTheTracker() {
        knowsOnly("core");
    }

    @Test
    void theApiLayerKnowsOnlyTheCore() {
        knowsOnly("api", "core");
    }

    @Test
    void picturesKnowOnlyTheCoreAndTheVocabulariesTheyColour() {
        knowsOnly("picture", "core", "response", "position");
    }

    @Test
    void theReplicaReadsKnowOnlyTheCore() {
        knowsOnly("replica", "core");
    }

    @Test
    void theAdminWebLayerKnowsOnlyTheCoreAndTheApiLayer() {
        knowsOnly("web", "core", "api");
    }

    @Test
    void accountsDoNotKnowHowRequestsAreAuthenticated() {
        noClasses().that().resideInAPackage("org.claimtracker.account..")
                .should().dependOnClassesThat().resideInAPackage("org.claimtracker.security..")
                .check(classes);
    }

    @Test
    void servicesNeverSeeTheAdminForms() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().resideInAPackage("org.claimtracker.web..")
                .check(classes);
    }

    @Test
    void resourcesHandOutRecordsNotEntities() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(classes);
    }

    /** Fails when a class of {@code layer} depends on any package of the tracker but itself and {@code known}. */
    private static void knowsOnly(String layer, String... known) {
        String[] allowed = java.util.stream.Stream.concat(java.util.stream.Stream.of(layer), java.util.Arrays.stream(known))
                .toArray(String[]::new);
        noClasses().that().resideInAPackage("org.claimtracker." + layer + "..")
                .should().dependOnClassesThat().resideInAnyPackage(trackerPackagesBut(allowed))
                .check(classes);
    }

    /** Every package of the tracker except the given ones (and their subpackages). */
    private static String[] trackerPackagesBut(String... allowed) {
        return PACKAGES.stream().filter(p -> !java.util.List.of(allowed).contains(p))
                .map(p -> "org.claimtracker." + p + "..").toArray(String[]::new);
    }

    private static final java.util.List<String> PACKAGES = java.util.List.of("core", "api", "web", "account", "annotation", "article",
            "audit", "claim", "dashboard", "export", "importer", "incident", "outlet", "party", "position", "record", "report", "response",
            "picture", "replica", "search", "security", "seed", "setup");
}
