package org.claimtracker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FilterTest {

    @Test
    void equalAndBetweenAddOnlyWhatIsGivenEachUnderAParameterOfItsOwn() {
        Filter filter = new Filter()
                .equal("a.outlet.id", 7L)
                .equal("a.language", null)
                .between("a.publishedOn", LocalDate.of(2020, 1, 1), null)
                .between("a.changedOn", null, LocalDate.of(2021, 1, 1))
                .and("a.kind = :kind", "kind", "blog");
        assertEquals(" where a.outlet.id = :filter1 and a.publishedOn >= :filter3 and a.changedOn <= :filter6"
                + " and a.kind = :kind", filter.where());
    }

    @Test
    void nothingGivenIsNoClause() {
        assertEquals("", new Filter().equal("a.x", null).between("a.d", null, null).where());
    }
}
