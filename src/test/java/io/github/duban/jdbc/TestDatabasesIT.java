package io.github.duban.jdbc;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDatabasesIT {

    @Test
    void bothServersRun_andTheShippedDdlCreatesEveryTableOfTheContract() throws SQLException {
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = server.newDatabase();
            try (Connection c = ds.getConnection()) {
                assertThat(Dialect.of(c)).isEqualTo(server.dialect());
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "duban_%", new String[]{"TABLE"})) {
                    while (rs.next()) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
                assertThat(tables).as(server.dialect().name()).containsExactlyInAnyOrderElementsOf(
                        io.github.duban.cli.SqlSchemaCommandTest.TABLES);
            }
            // the DDL can be applied twice (IF NOT EXISTS), as an OA installer would rerun it
            try (Connection c = ds.getConnection(); var s = c.createStatement()) {
                for (String sql : server.dialect().statements()) {
                    s.execute(sql);
                }
                try (ResultSet rs = s.executeQuery("SELECT version FROM duban_schema_version")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).as("a new database is recorded at the current version, once").isEqualTo(Dialect.VERSION);
                    assertThat(rs.next()).isFalse();
                }
                assertThat(server.dialect().version(c)).isEqualTo(Dialect.VERSION);
            }
        }
    }

    @Test
    void missingServerBinaries_failNamingTheDebianPackageToInstall() {
        assertThatThrownBy(() -> TestDatabases.postgresBin(java.nio.file.Path.of("/nonexistent/postgresql")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("install the Debian package postgresql (.ci/run installs it when missing)");
        assertThatThrownBy(() -> TestDatabases.mariadbBinaries(List.of("/nonexistent/mariadbd"), List.of("/nonexistent/mariadb-install-db")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("install the Debian package mariadb-server (.ci/run installs it when missing)");
    }
}
