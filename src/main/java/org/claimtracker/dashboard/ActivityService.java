package org.claimtracker.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Claims and responses per month for the dashboard: the {@link #MONTHS} months up to the latest
 * month in which anything was stated, counted in one statement over the indexes on stated_on (so the
 * cost follows those months' rows, not the whole tables).
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ActivityService {

    /** How many months the dashboard draws. */
    public static final int MONTHS = 24;

    @Inject
    Session session;

    /** Every month of the window, oldest first, zeros included; empty when nothing is recorded. */
    public List<ActivityMonth> lastMonths() {
        List<Row> rows = session.createNativeQuery("""
                with since as (
                  select (date_trunc('month', greatest((select max(stated_on) from claim), (select max(stated_on) from response)))
                          - make_interval(months => :back))::date as d
                )
                select 'claim', to_char(date_trunc('month', c.stated_on), 'YYYY-MM'), count(*)
                  from claim c where c.stated_on >= (select d from since) group by 2
                union all
                select 'response', to_char(date_trunc('month', r.stated_on), 'YYYY-MM'), count(*)
                  from response r where r.stated_on >= (select d from since) group by 2
                """, Row.class).setParameter("back", MONTHS - 1).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        YearMonth last = rows.stream().map(r -> YearMonth.parse(r.month())).max(YearMonth::compareTo).orElseThrow();
        Map<YearMonth, long[]> months = new LinkedHashMap<>();
        for (YearMonth m = last.minusMonths(MONTHS - 1); !m.isAfter(last); m = m.plusMonths(1)) {
            months.put(m, new long[2]);
        }
        for (Row r : rows) {
            long[] n = months.get(YearMonth.parse(r.month()));
            if (n != null) {
                n[r.kind().equals("claim") ? 0 : 1] += r.n();
            }
        }
        List<ActivityMonth> out = new ArrayList<>();
        months.forEach((m, n) -> out.add(new ActivityMonth(m.toString(), n[0], n[1])));
        return out;
    }

    /** A row of the statement: what was counted, the month, how many. */
    record Row(String kind, String month, long n) {
    }
}
