package org.claimtracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.junit.jupiter.api.Test;

/** How a whole admin list is read page by page and written as CSV (the HTTP side: DownloadsBrowserTest). */
class ListDownloadTest {

    record Ref(long id, String name) {
    }

    record Row(long id, String text, Ref party, List<String> aliases, List<Ref> members, Boolean flag) {
    }

    /** A list of n rows served as the services serve it: pages of the size asked, with the total. */
    private static List<PageParams> asked = new ArrayList<>();

    private static Page<Integer> pageOf(int n, PageParams p) {
        asked.add(p);
        List<Integer> items = IntStream.range(p.offset(), Math.min(n, p.offset() + p.size())).boxed().toList();
        return new Page<>(items, p.page(), p.size(), n);
    }

    @Test
    void everyPageIsReadOnceInOrderAndALongerListIsRefusedNamingTheFormat() {
        asked = new ArrayList<>();
        List<Integer> rows = ListDownload.read(p -> pageOf(2_345, p));
        assertEquals(IntStream.range(0, 2_345).boxed().toList(), rows);
        assertEquals(List.of(0, 1, 2), asked.stream().map(PageParams::page).toList());

        ListDownload.read(p -> pageOf(ListDownload.MAX_ROWS, p));
        ApiProblem refused = assertThrows(ApiProblem.class, () -> ListDownload.read(p -> pageOf(ListDownload.MAX_ROWS + 1, p)));
        assertEquals(400, refused.status());
        assertEquals("format", refused.field());
    }

    @Test
    void csvHasAColumnPerFieldNestedRecordsFlattenedListsJoinedAndFormulasInert() throws Exception {
        List<Row> rows = List.of(
                new Row(1, "=HYPERLINK(\"x\")", new Ref(7, "Kingdom, the"), List.of("K", "KG"), List.of(new Ref(8, "A"), new Ref(9, "B")), true),
                new Row(2, "line one\nline two", null, List.of(), List.of(), null));
        String csv = new String(ListDownload.csv(new ObjectMapper(), rows), StandardCharsets.UTF_8);
        assertEquals("id,text,party.id,party.name,aliases,members,flag\r\n"
                + "1,\"'=HYPERLINK(\"\"x\"\")\",7,\"Kingdom, the\",K; KG,A; B,true\r\n"
                + "2,\"line one\nline two\",,,,,\r\n", csv);
        assertEquals("id\r\n", new String(ListDownload.csv(new ObjectMapper(), List.of(Map.of("id", 3))), StandardCharsets.UTF_8)
                .substring(0, 4));
    }
}
