package io.verbund.acd.portal.privacy;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.storage.TenantFiles;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.runtime.storage.StoredFileInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Removes what a tenant keeps about one caller number: the recordings and voicemails of its calls
 * in storage-service, the number in the call records (NULL, as for an anonymous caller) and in the
 * call events' details. Counts, times, outcomes, groups and agents stay, so the statistics (which
 * never read the number) keep their counts, also when recalculated.
 *
 * <p>Files go first, then the rows in one transaction: a failure half-way leaves the number
 * findable, and the request can simply be repeated; files already gone count as removed. Calls
 * not ended yet are left alone (the call path may still add a recording to them) and reported as
 * {@code inProgress}. Repeating a finished erasure finds nothing and changes nothing.
 */
@ApplicationScoped
public class CallerErasures {

    private static final Logger LOG = Logger.getLogger(CallerErasures.class.getName());
    /** What the events' details say instead of the number. */
    static final String ERASED = "erased";
    private static final String CALLS = "SELECT call_id, recording_file, voicemail_file, ended_at FROM call_record WHERE tenant_id = ? AND caller = ?";
    /**
     * CallReceived keeps the number in its detail; no other event type carries the caller's. A
     * string, not JSON null: MariaDB's JSON_REPLACE would turn a SQL NULL into a NULL detail.
     */
    private static final String EVENTS = "UPDATE call_event SET detail = JSON_REPLACE(detail, '$.caller', '" + ERASED + "')"
            + " WHERE tenant_id = ? AND call_id = ? AND JSON_CONTAINS_PATH(detail, 'one', '$.caller')"
            + " AND JSON_UNQUOTE(JSON_EXTRACT(detail, '$.caller')) <> '" + ERASED + "'";
    private static final String RECORD = "UPDATE call_record SET caller = NULL, recording_file = NULL, voicemail_file = NULL"
            + " WHERE tenant_id = ? AND call_id = ? AND caller = ?";

    private record CallRow(String callId, String recordingFile, String voicemailFile, boolean ended) {
    }

    private final Datasources datasources;
    private final TenantFiles files;

    @Inject
    public CallerErasures(Datasources datasources, TenantFiles files) {
        this.datasources = datasources;
        this.files = files;
    }

    /** For CDI's proxy only. */
    protected CallerErasures() {
        this(null, null);
    }

    public ErasureDocument erase(AddressedTenant tenant, String caller) {
        List<CallRow> calls = calls(tenant, caller);
        List<CallRow> ended = calls.stream().filter(CallRow::ended).toList();
        int recordings = 0;
        int voicemails = 0;
        for (CallRow call : ended) {
            if (call.recordingFile() != null) {
                recordings += deleteRecordings(tenant, call.recordingFile());
            }
            if (call.voicemailFile() != null) {
                files.delete(tenant, FileCategory.VOICEMAIL, call.voicemailFile());
                voicemails++;
            }
        }
        int events = 0;
        int records = 0;
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection()) {
            master.setAutoCommit(false);
            try (PreparedStatement event = master.prepareStatement(EVENTS); PreparedStatement record = master.prepareStatement(RECORD)) {
                for (CallRow call : ended) {
                    event.setLong(1, tenant.idValue());
                    event.setString(2, call.callId());
                    events += event.executeUpdate();
                    record.setLong(1, tenant.idValue());
                    record.setString(2, call.callId());
                    record.setString(3, caller);
                    records += record.executeUpdate();
                }
                master.commit();
            } catch (SQLException e) {
                master.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("erasing a caller's data", e);
        }
        ErasureDocument done = new ErasureDocument(ErasureDocument.masked(caller), records, events, recordings, voicemails,
                calls.size() - ended.size());
        LOG.info(() -> "event=caller-erased tenant=" + tenant.key() + " caller=" + done.caller() + " calls=" + done.calls()
                + " events=" + done.events() + " recordings=" + done.recordings() + " voicemails=" + done.voicemails()
                + " inProgress=" + done.inProgress());
        return done;
    }

    private List<CallRow> calls(AddressedTenant tenant, String caller) {
        List<CallRow> calls = new ArrayList<>();
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = master.prepareStatement(CALLS)) {
            query.setLong(1, tenant.idValue());
            query.setString(2, caller);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    calls.add(new CallRow(rows.getString(1), rows.getString(2), rows.getString(3), rows.getTimestamp(4) != null));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("finding a caller's calls", e);
        }
        return calls;
    }

    /**
     * The call's recording and those after its transfers ({@code <name>-transfer<n>.wav}, which the
     * record does not name): how many files that is.
     */
    private int deleteRecordings(AddressedTenant tenant, String first) {
        int deleted = 1;
        files.delete(tenant, FileCategory.RECORDINGS, first);
        String base = first.endsWith(".wav") ? first.substring(0, first.length() - ".wav".length()) : first;
        for (StoredFileInfo later : files.list(tenant, FileCategory.RECORDINGS, base + "-transfer")) {
            files.delete(tenant, FileCategory.RECORDINGS, later.name());
            deleted++;
        }
        return deleted;
    }
}
