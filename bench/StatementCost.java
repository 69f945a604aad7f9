import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a pgbench script (as bench/pgcapture.pl writes them) through the PostgreSQL JDBC driver on
 * one connection for a number of seconds, and prints how much CPU the connection's server process
 * spent per transaction (from /proc/PID/stat: the database must run on this machine). With the
 * same script run by {@code pgbench -c 1 -M prepared}, it tells whether PostgreSQL works harder for
 * the driver than for pgbench on the same statements, and which driver setting changes that
 * (issue 21). Used by bench/statement-cost.sh.
 *
 * <pre>
 *   java -cp postgresql.jar bench/StatementCost.java --url URL --user U [--password P] --script FILE
 *        [--vars FILE] [--seconds N] [--threshold N] [--binary true|false] [--seed N]
 * </pre>
 *
 * The script's {@code \set NAME INT}, {@code \set NAME random(A, B)} and {@code \set NAME case when :V =
 * K then X ... else Y end} lines are understood; --vars gives NAME=VALUE lines (pgbench's -D). A
 * value made of digits is bound as a bigint, any other as text of unknown type (as pgbench sends
 * it). --threshold is the driver's prepareThreshold (5, its default and the tracker's: a named
 * statement from the fifth use; 0: never named, parsed every time), --binary its binaryTransfer.
 * Each transaction is the script's statements in autocommit, as pgbench sends them.
 */
public class StatementCost {

    private static final Pattern VARIABLE = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CASE_ARM = Pattern.compile("when\\s+:(\\w+)\\s*=\\s*(-?\\d+)\\s+then\\s+(-?\\d+)");
    private static final Pattern RANDOM = Pattern.compile("random\\(\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*\\)");

    /** A \set line: how to compute the variable from those set before it. */
    private record Setting(String name, long constant, long low, long high, String key, Map<Long, Long> arms, long otherwise) {
        long value(Random random, Map<String, Long> values) {
            if (arms != null) {
                return arms.getOrDefault(values.get(key), otherwise);
            }
            return high > low ? low + (long) (random.nextDouble() * (high - low + 1)) : constant;
        }
    }

    /** One statement of the script: its text with ? for each variable, and the variables in order. */
    private record Step(String sql, List<String> variables) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--seconds", "10", "--threshold", "5", "--binary", "true",
                "--seed", "1", "--password", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--url", "--user", "--script")) {
            if (!options.containsKey(required)) {
                System.err.println("StatementCost: " + required + " is required (see the head of bench/StatementCost.java)");
                System.exit(2);
            }
        }
        List<Setting> settings = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        read(Path.of(options.get("--script")), settings, steps);
        Map<String, String> texts = new LinkedHashMap<>();
        if (options.containsKey("--vars")) {
            for (String line : Files.readAllLines(Path.of(options.get("--vars")))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    texts.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        Properties properties = new Properties();
        properties.setProperty("user", options.get("--user"));
        properties.setProperty("password", options.get("--password"));
        properties.setProperty("prepareThreshold", options.get("--threshold"));
        properties.setProperty("binaryTransfer", options.get("--binary"));
        properties.setProperty("stringtype", "unspecified");
        properties.setProperty("ApplicationName", "StatementCost");
        long seconds = Long.parseLong(options.get("--seconds"));
        Random random = new Random(Long.parseLong(options.get("--seed")));
        try (Connection connection = DriverManager.getConnection(options.get("--url"), properties)) {
            long pid;
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
                rs.next();
                pid = rs.getLong(1);
            }
            List<PreparedStatement> prepared = new ArrayList<>();
            for (Step step : steps) {
                prepared.add(connection.prepareStatement(step.sql()));
            }
            // One second untimed, so that the statements are past the threshold and planned.
            run(prepared, steps, settings, texts, random, System.nanoTime() + 1_000_000_000L);
            long cpu0 = cpuMillis(pid);
            long t0 = System.nanoTime();
            long transactions = run(prepared, steps, settings, texts, random, t0 + seconds * 1_000_000_000L);
            long elapsed = System.nanoTime() - t0;
            long cpu1 = cpuMillis(pid);
            System.out.printf("StatementCost threshold=%s binary=%s transactions=%d tps=%.1f pg_cpu_ms_per_tx=%.4f"
                            + " statements_per_tx=%d backend=%d%n", options.get("--threshold"), options.get("--binary"),
                    transactions, transactions * 1e9 / elapsed, (cpu1 - cpu0) / (double) transactions, steps.size(), pid);
        }
    }

    private static long run(List<PreparedStatement> prepared, List<Step> steps, List<Setting> settings,
            Map<String, String> texts, Random random, long until) throws SQLException {
        long transactions = 0;
        Map<String, Long> values = new HashMap<>();
        while (System.nanoTime() < until) {
            values.clear();
            for (Setting setting : settings) {
                values.put(setting.name(), setting.value(random, values));
            }
            for (int i = 0; i < steps.size(); i++) {
                PreparedStatement statement = prepared.get(i);
                List<String> variables = steps.get(i).variables();
                for (int p = 0; p < variables.size(); p++) {
                    String name = variables.get(p);
                    Long number = values.get(name);
                    String text = number == null ? texts.get(name) : null;
                    if (number == null && text == null) {
                        throw new IllegalArgumentException("no value for :" + name + " (a \\set line or --vars)");
                    }
                    if (number != null) {
                        statement.setLong(p + 1, number);
                    } else if (text.matches("-?\\d{1,18}")) {
                        statement.setLong(p + 1, Long.parseLong(text));
                    } else {
                        statement.setString(p + 1, text);
                    }
                }
                if (statement.execute()) {
                    try (ResultSet rs = statement.getResultSet()) {
                        while (rs.next()) {
                            rs.getString(1);
                        }
                    }
                }
            }
            transactions++;
        }
        return transactions;
    }

    /** User plus system CPU of a process, in milliseconds (fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms). */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static void read(Path script, List<Setting> settings, List<Step> steps) throws IOException {
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(script)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty() && sql.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("\\set ")) {
                String[] parts = trimmed.split("\\s+", 3);
                settings.add(setting(parts[1], parts[2]));
                continue;
            }
            if (trimmed.startsWith("\\")) {
                throw new IllegalArgumentException("only \\set is understood, not: " + trimmed);
            }
            sql.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                steps.add(step(sql.toString().strip().replaceAll(";$", "")));
                sql.setLength(0);
            }
        }
        if (!sql.toString().isBlank()) {
            steps.add(step(sql.toString().strip()));
        }
    }

    private static Setting setting(String name, String expression) {
        if (expression.matches("-?\\d+")) {
            return new Setting(name, Long.parseLong(expression), 0, 0, null, null, 0);
        }
        Matcher random = RANDOM.matcher(expression);
        if (random.matches()) {
            return new Setting(name, 0, Long.parseLong(random.group(1)), Long.parseLong(random.group(2)), null, null, 0);
        }
        if (expression.startsWith("case")) {
            Map<Long, Long> arms = new HashMap<>();
            String key = null;
            Matcher arm = CASE_ARM.matcher(expression);
            while (arm.find()) {
                key = arm.group(1);
                arms.put(Long.parseLong(arm.group(2)), Long.parseLong(arm.group(3)));
            }
            Matcher otherwise = Pattern.compile("else\\s+(-?\\d+)\\s+end").matcher(expression);
            if (key != null && otherwise.find()) {
                return new Setting(name, 0, 0, 0, key, arms, Long.parseLong(otherwise.group(1)));
            }
        }
        throw new IllegalArgumentException("cannot read \\set " + name + " " + expression);
    }

    private static Step step(String text) {
        List<String> variables = new ArrayList<>();
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            variables.add(m.group(1));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return new Step(out.toString(), variables);
    }
}
