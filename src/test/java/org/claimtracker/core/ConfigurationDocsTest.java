package org.claimtracker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigMappingInterface.Property;
import io.smallrye.config.ConfigMappings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table, application.properties and {@link TrackerConfig} tell the same
 * story: every {@code tracker.*} setting is set by a documented TRACKER_* variable with the same
 * default everywhere (or is listed below as fixed), application.properties sets no {@code tracker.*}
 * name the mapping does not know (Quarkus would ignore a misspelt one), and every variable the
 * README documents is read somewhere, with the default the README gives.
 */
class ConfigurationDocsTest {

    /** Settings offered by no TRACKER_* variable of their own: their value is fixed in application.properties. */
    private static final Set<String> FIXED = Set.of(
            "tracker.accounts.starter",
            "tracker.http.max-body-size",
            "tracker.login.max-failures-per-address",
            "tracker.login.window",
            "tracker.swagger-ui.script-hashes");

    /** ${TRACKER_X:default} in application.properties; ${TRACKER_X:-default} in the tracker script. */
    private static final Pattern PROPERTIES_VARIABLE = Pattern.compile("\\$\\{(TRACKER_[A-Z0-9_]+)(?::([^}]*))?}");
    private static final Pattern SCRIPT_VARIABLE = Pattern.compile("\\$\\{(TRACKER_[A-Z0-9_]+)(?::?-([^}]*))?}");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]*)`");

    private static Map<String, Property> mapping;
    private static Properties properties;
    /** TRACKER_* variable of application.properties → the property it sets and its default there. */
    private static Map<String, Binding> bindings;
    /** TRACKER_* variable of the README's table → its default there (empty for "(empty)" and other words). */
    private static Map<String, String> documented;

    private record Binding(String property, String fallback) {
    }

    @BeforeAll
    static void read() throws IOException {
        mapping = ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(TrackerConfig.class, "tracker"));
        properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        bindings = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = PROPERTIES_VARIABLE.matcher(properties.getProperty(key));
            while (!key.startsWith("%") && m.find()) {
                bindings.put(m.group(1), new Binding(key, m.group(2) == null ? "" : m.group(2)));
            }
        }
        documented = readmeTable(Files.readString(Path.of("README.md")));
    }

    @Test
    void everyTrackerSettingIsSetByADocumentedVariableWithTheMappingsDefault() {
        List<String> wrong = new ArrayList<>();
        mapping.forEach((name, property) -> {
            String fallback = property.hasDefaultValue() ? property.getDefaultValue() : property.isOptional() ? "" : null;
            if (FIXED.contains(name)) {
                String value = properties.getProperty(name);
                if (value != null && fallback != null && !value.equals(fallback)) {
                    wrong.add(name + ": application.properties sets " + value + ", the mapping's default is " + fallback);
                }
                return;
            }
            List<String> variables = bindings.entrySet().stream().filter(b -> b.getValue().property().equals(name))
                    .map(Map.Entry::getKey).toList();
            if (variables.size() != 1) {
                wrong.add(name + ": set by " + (variables.isEmpty() ? "no" : variables) + " TRACKER_* variable in application.properties"
                        + " (give it one, with a row in the README's configuration table, or list it in FIXED)");
                return;
            }
            String variable = variables.get(0);
            String inProperties = bindings.get(variable).fallback();
            if (fallback != null && !fallback.equals(inProperties)) {
                wrong.add(name + ": default " + fallback + " in TrackerConfig, " + inProperties + " in application.properties");
            }
            if (!documented.containsKey(variable)) {
                wrong.add(name + ": " + variable + " is missing from the README's configuration table");
            } else if (!documented.get(variable).equals(inProperties)) {
                wrong.add(name + ": the README gives " + variable + " the default '" + documented.get(variable)
                        + "', application.properties '" + inProperties + "'");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void applicationPropertiesSetsNoTrackerSettingTheMappingLacks() {
        List<String> unknown = properties.stringPropertyNames().stream()
                .map(key -> key.replaceFirst("^%[^.]+\\.", ""))
                .filter(key -> key.startsWith("tracker.") && !mapping.containsKey(key))
                .sorted().distinct().toList();
        assertEquals(List.of(), unknown, "tracker.* settings of application.properties that TrackerConfig does not declare");
    }

    @Test
    void everyVariableOfApplicationPropertiesIsDocumentedWithItsDefault() {
        List<String> wrong = new ArrayList<>();
        bindings.forEach((variable, binding) -> {
            if (!documented.containsKey(variable)) {
                wrong.add(variable + " (" + binding.property() + ") is missing from the README's configuration table");
            } else if (!documented.get(variable).equals(binding.fallback())) {
                wrong.add(variable + ": the README gives the default '" + documented.get(variable) + "', application.properties '"
                        + binding.fallback() + "'");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyDocumentedVariableIsReadSomewhereWithTheDocumentedDefault() throws IOException {
        String script = Files.readString(Path.of("tracker"));
        Map<String, String> scriptDefaults = new LinkedHashMap<>();
        Matcher m = SCRIPT_VARIABLE.matcher(script);
        while (m.find()) {
            scriptDefaults.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        String java;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/test/java")))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file));
            }
            java = all.toString();
        }
        List<String> wrong = new ArrayList<>();
        documented.forEach((variable, fallback) -> {
            boolean read = bindings.containsKey(variable) || scriptDefaults.containsKey(variable)
                    || java.contains("\"" + variable + "\"");
            if (!read) {
                wrong.add(variable + " is documented but read neither by application.properties, nor the tracker script, nor the code");
            }
            if (scriptDefaults.containsKey(variable) && !scriptDefaults.get(variable).equals(fallback)) {
                wrong.add(variable + ": the README gives the default '" + fallback + "', the tracker script '"
                        + scriptDefaults.get(variable) + "'");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void theTableIsRead() {
        // Guards the parsing above: a table that could no longer be read would make every check pass.
        assertTrue(documented.size() >= 30, "variables read from the README: " + documented.keySet());
        assertEquals("8", documented.get("TRACKER_EXPORTS_MAX"));
        assertEquals("", documented.get("TRACKER_SEED_DIR"));
        assertTrue(mapping.size() >= 19, "settings of TrackerConfig: " + mapping.keySet());
    }

    /**
     * The rows of the README's configuration table: variable(s) in backticks in the first cell, their
     * defaults in the second, one per variable separated by commas. A default in backticks is a value;
     * words instead ("(empty)", "(none)", "(packaged copy)", "random, kept in ...") mean that
     * configuration gives no value.
     */
    static Map<String, String> readmeTable(String readme) {
        int start = readme.indexOf("\n## Configuration\n");
        int end = readme.indexOf("\n## ", start + 1);
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (!line.startsWith("| `TRACKER_")) {
                continue;
            }
            String[] cells = line.split("\\|");
            List<String> variables = new ArrayList<>();
            Matcher name = BACKTICKED.matcher(cells[1]);
            while (name.find()) {
                variables.add(name.group(1));
            }
            String defaults = cells[2].trim();
            List<String> parts = variables.size() == 1 ? List.of(defaults) : List.of(defaults.split(", "));
            assertEquals(variables.size(), parts.size(), "one default per variable in the README's row " + line);
            for (int i = 0; i < variables.size(); i++) {
                Matcher value = BACKTICKED.matcher(parts.get(i));
                table.put(variables.get(i), value.matches() ? value.group(1) : "");
            }
        }
        return table;
    }
}
