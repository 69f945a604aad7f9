package org.claimtracker.importer;

import java.util.Map;

/**
 * One record of an import file: where it is (source name and line, counting from 1) and its
 * fields by name. Values are what the JSON held (String, Number, Boolean, List, Map) or, from CSV,
 * strings.
 */
record InputRow(int source, long line, String type, Map<String, Object> fields) {
}
