package io.verbund.acd.stats.report;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.service.ServiceIdentity;
import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.runtime.storage.StorageClient;
import io.verbund.acd.runtime.storage.StoredFileInfo;
import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.stats.access.ReportScope;
import io.verbund.acd.stats.export.ReportFormat;
import io.verbund.acd.stats.export.ReportTable;
import io.verbund.acd.stats.slice.Utc;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reports run as jobs: the report is read from the reporting replica like any other, written to a
 * temporary file in the format asked for, and streamed into storage-service (category
 * {@code reports}, where the seed keeps report files) in 1 MiB parts; {@code stats_report_job}
 * tells the progress (read 40 %, written 70 %, stored 100 %) and the file's name. A node that
 * restarts marks its unfinished jobs FAILED.
 */
@ApplicationScoped
public class ReportJobs {

    private static final Logger LOG = Logger.getLogger(ReportJobs.class);
    private static final int PART = 1 << 20;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;

    private final Datasources datasources;
    private final StorageClient storage;
    private final ServiceIdentity identity;

    @Inject
    public ReportJobs(Datasources datasources, StorageClient storage, ServiceIdentity identity) {
        this.datasources = datasources;
        this.storage = storage;
        this.identity = identity;
    }

    /** For CDI's proxy only. */
    protected ReportJobs() {
        this.datasources = null;
        this.storage = null;
        this.identity = null;
    }

    void onStartup(@Observes Startup event) {
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement update = master.prepareStatement("UPDATE stats_report_job SET state = 'FAILED',"
                     + " failure = 'the node running it restarted; start it again', finished_at = NOW(3) WHERE node = ? AND state = 'RUNNING'")) {
            update.setString(1, identity.node());
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("could not mark the report jobs cut short by the restart: %s", e.getMessage());
        }
    }

    /** What a job runs: the report read and turned into a table. */
    interface Run {
        ReportTable table(Connection reporting) throws SQLException;
    }

    ReportJobDocument start(ReportScope scope, String report, String parameters, ReportFormat format, String fileStem, Run run) {
        long id;
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement insert = master.prepareStatement("INSERT INTO stats_report_job (tenant_id, report, parameters, format, state,"
                     + " node, created_by) VALUES (?, ?, ?, ?, 'RUNNING', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, scope.tenant().id());
            insert.setString(2, report);
            insert.setString(3, parameters.length() > 2000 ? parameters.substring(0, 2000) : parameters);
            insert.setString(4, format.extension());
            insert.setString(5, identity.node());
            insert.setString(6, scope.actor());
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                id = key.getLong(1);
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("starting the report job", e);
        }
        String fileName = fileStem.replace("." + format.extension(), "") + "-job" + id + "." + format.extension();
        LOG.infof("tenant=%s report job %d (%s %s) started by %s", scope.tenant().key().value(), id, report, parameters, scope.actor());
        executor.execute(() -> run(id, scope, format, fileName, run));
        return find(scope, id).orElseThrow();
    }

    public Optional<ReportJobDocument> find(ReportScope scope, long id) {
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = master.prepareStatement("SELECT id, report, format, parameters, state, progress_percent, rows_written,"
                     + " file_name, file_size, failure, created_by, created_at, finished_at FROM stats_report_job WHERE tenant_id = ? AND id = ?")) {
            query.setLong(1, scope.tenant().id());
            query.setLong(2, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int rows = row.getInt(7);
                Integer written = row.wasNull() ? null : rows;
                long size = row.getLong(9);
                Long fileSize = row.wasNull() ? null : size;
                return Optional.of(new ReportJobDocument(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getInt(6), written, row.getString(8), fileSize, row.getString(10), row.getString(11), Utc.read(row, 12),
                        Utc.read(row, 13)));
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading the report job", e);
        }
    }

    private void run(long id, ReportScope scope, ReportFormat format, String fileName, Run run) {
        Path temporary = null;
        try {
            ReportTable table;
            try (Connection reporting = datasources.forRole(DatasourceRole.REPORTING).getConnection()) {
                table = run.table(reporting);
            }
            progress(id, 40, table.rows().size());
            temporary = Files.createTempFile("verbund-report-" + id + "-", "." + format.extension());
            try (OutputStream out = Files.newOutputStream(temporary)) {
                format.write(table, out);
            }
            progress(id, 70, table.rows().size());
            StoredFileInfo stored = store(scope, format, fileName, temporary);
            try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection();
                 PreparedStatement done = master.prepareStatement("UPDATE stats_report_job SET state = 'DONE', progress_percent = 100,"
                         + " file_name = ?, file_size = ?, finished_at = NOW(3) WHERE id = ?")) {
                done.setString(1, stored.name());
                done.setLong(2, stored.size());
                done.setLong(3, id);
                done.executeUpdate();
            }
            LOG.infof("tenant=%s report job %d done: %d rows, %s (%d bytes) in storage", scope.tenant().key().value(), id, table.rows().size(),
                    stored.name(), stored.size());
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warnf(e, "tenant=%s report job %d failed", scope.tenant().key().value(), id);
            failed(id, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    LOG.warnf("temporary report file %s was not deleted: %s", temporary, e.getMessage());
                }
            }
        }
    }

    private StoredFileInfo store(ReportScope scope, ReportFormat format, String fileName, Path file) throws IOException {
        long offset = storage.startUpload(scope.tenant().key(), FileCategory.REPORTS, fileName, format.mediaType());
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            byte[] part;
            while ((part = in.readNBytes(PART)).length > 0) {
                offset = storage.append(scope.tenant().key(), FileCategory.REPORTS, fileName, offset, part);
            }
        }
        return storage.complete(scope.tenant().key(), FileCategory.REPORTS, fileName);
    }

    private void progress(long id, int percent, int rows) throws SQLException {
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement update = master.prepareStatement("UPDATE stats_report_job SET progress_percent = ?, rows_written = ? WHERE id = ?")) {
            update.setInt(1, percent);
            update.setInt(2, rows);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    private void failed(long id, Exception cause) {
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement update = master.prepareStatement("UPDATE stats_report_job SET state = 'FAILED', failure = ?, finished_at = NOW(3)"
                     + " WHERE id = ?")) {
            String why = String.valueOf(cause.getMessage());
            update.setString(1, why.length() > 1000 ? why.substring(0, 1000) : why);
            update.setLong(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("report job %d could not be marked FAILED: %s", id, e.getMessage());
        }
    }
}
