package io.verbund.acd.stats.report;

import io.verbund.acd.statistics.SliceDimension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What a report row's key is called: a group's name, an agent's extension and name, a service
 * number's label, a disposition's label. Slices keep ids and codes, so a renamed group shows its
 * current name over its whole history.
 */
final class Names {

    /** Agents are kept by id and shown by extension: the key shown is the extension. */
    static final String EXTENSION_SEPARATOR = "\u0000";

    private Names() {
    }

    static Map<String, String> of(Connection db, long tenantId, SliceDimension dimension) throws SQLException {
        String sql;
        switch (dimension) {
            case GROUP:
                sql = "SELECT CAST(id AS CHAR), name FROM acd_group WHERE tenant_id = ?";
                break;
            case AGENT:
                sql = "SELECT CAST(id AS CHAR), CONCAT(extension, '" + EXTENSION_SEPARATOR + "', display_name) FROM agent WHERE tenant_id = ?";
                break;
            case SERVICE_NUMBER:
                sql = "SELECT number, label FROM service_number WHERE tenant_id = ?";
                break;
            default:
                sql = "SELECT code, label FROM disposition WHERE tenant_id = ?";
                break;
        }
        Map<String, String> names = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(2);
                    if (dimension == SliceDimension.AGENT) {
                        names.put(rows.getString(1), name);
                    } else {
                        names.put(rows.getString(1), name == null || name.isBlank() ? rows.getString(1) : name);
                    }
                }
            }
        }
        return names;
    }

    /** The key as the row shows it: an agent's extension rather than its id. */
    static String shownKey(SliceDimension dimension, String key, Map<String, String> names) {
        if (dimension == SliceDimension.AGENT && names.containsKey(key)) {
            return names.get(key).split(EXTENSION_SEPARATOR, 2)[0];
        }
        return key;
    }

    /** An agent's display name without its extension. */
    static String name(SliceDimension dimension, String key, Map<String, String> names) {
        String name = names.get(key);
        if (name == null) {
            return unnamed(dimension, key);
        }
        return dimension == SliceDimension.AGENT ? name.split(EXTENSION_SEPARATOR, 2)[1] : name;
    }

    /** A key whose group, agent or number is gone, or a call without a disposition. */
    static String unnamed(SliceDimension dimension, String key) {
        if (dimension == SliceDimension.DISPOSITION && key.isEmpty()) {
            return "–";
        }
        return "#" + key;
    }
}
