namespace Quartermaster.Storage;

/// <summary>
/// One numbered schema change. Applied in order on start, each in its own transaction, and recorded
/// in <c>schema_migrations</c>, so an older database is upgraded in place and a newer one is left alone.
/// </summary>
/// <param name="Version">The schema version this migration brings the database to.</param>
/// <param name="Name">What it adds.</param>
/// <param name="Sql">DDL valid in both SQLite and PostgreSQL.</param>
/// <param name="PostgresSecurity">PostgreSQL only: row-level security, policies and grants; <c>{service}</c> names the service role.</param>
/// <param name="SqliteOnly">SQLite only: triggers that PostgreSQL gets from grants instead.</param>
public sealed record Migration(int Version, string Name, string Sql, string PostgresSecurity, string SqliteOnly = "")
{
    /// <summary>Every migration, in order; the last one's version is the current schema version.</summary>
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "books, versions, tenants, contracts, keys, audit log", """
            CREATE TABLE book_versions (
                book_id TEXT NOT NULL, version INTEGER NOT NULL, provider TEXT NOT NULL,
                created_at TEXT NOT NULL, created_by TEXT NOT NULL,
                PRIMARY KEY (book_id, version));
            CREATE TABLE book_texts (
                book_id TEXT NOT NULL, version INTEGER NOT NULL, yaml TEXT NOT NULL,
                PRIMARY KEY (book_id, version),
                FOREIGN KEY (book_id, version) REFERENCES book_versions (book_id, version));
            CREATE TABLE tenants (
                book_id TEXT NOT NULL, version INTEGER NOT NULL, tenant_id TEXT NOT NULL,
                name TEXT NOT NULL, rivalry_group TEXT,
                PRIMARY KEY (book_id, version, tenant_id),
                FOREIGN KEY (book_id, version) REFERENCES book_versions (book_id, version));
            CREATE TABLE contracts (
                book_id TEXT NOT NULL, version INTEGER NOT NULL, tenant_id TEXT NOT NULL,
                contract_id TEXT NOT NULL, body TEXT NOT NULL,
                PRIMARY KEY (book_id, version, tenant_id, contract_id),
                FOREIGN KEY (book_id, version, tenant_id) REFERENCES tenants (book_id, version, tenant_id));
            CREATE INDEX contracts_by_id ON contracts (book_id, version, contract_id);
            CREATE TABLE api_keys (
                key_id TEXT NOT NULL PRIMARY KEY, role TEXT NOT NULL, tenant_id TEXT,
                salt TEXT NOT NULL, hash TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
            CREATE TABLE audit_log (
                seq BIGINT NOT NULL PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
                action TEXT NOT NULL, resource TEXT NOT NULL, tenant_id TEXT,
                prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
            """, """
            ALTER TABLE book_texts ENABLE ROW LEVEL SECURITY;
            ALTER TABLE book_texts FORCE ROW LEVEL SECURITY;
            CREATE POLICY provider_only ON book_texts USING (current_setting('qm.role', true) IN ('admin', 'analyst'));
            ALTER TABLE book_versions ENABLE ROW LEVEL SECURITY;
            ALTER TABLE book_versions FORCE ROW LEVEL SECURITY;
            CREATE POLICY everyone_reads ON book_versions FOR SELECT USING (true);
            CREATE POLICY admin_writes ON book_versions FOR INSERT WITH CHECK (current_setting('qm.role', true) = 'admin');
            ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
            ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
            CREATE POLICY own_tenant ON tenants USING (tenant_id = current_setting('qm.tenant', true) OR current_setting('qm.role', true) IN ('admin', 'analyst'));
            ALTER TABLE contracts ENABLE ROW LEVEL SECURITY;
            ALTER TABLE contracts FORCE ROW LEVEL SECURITY;
            CREATE POLICY own_tenant ON contracts USING (tenant_id = current_setting('qm.tenant', true) OR current_setting('qm.role', true) IN ('admin', 'analyst'));
            GRANT SELECT, INSERT ON book_versions, book_texts, tenants, contracts TO {service};
            GRANT SELECT, INSERT, UPDATE ON api_keys TO {service};
            -- Append-only: the service may add and read entries, never change or remove them.
            GRANT SELECT, INSERT ON audit_log TO {service};
            """, """
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """),
        new(2, "plans, fills, allocations", """
            CREATE TABLE plans (
                plan_id TEXT NOT NULL PRIMARY KEY, book_id TEXT NOT NULL, version INTEGER NOT NULL,
                policy TEXT NOT NULL, planner TEXT NOT NULL, created_at TEXT NOT NULL,
                FOREIGN KEY (book_id, version) REFERENCES book_versions (book_id, version));
            CREATE INDEX plans_by_book ON plans (book_id, created_at);
            -- Plan rows reference their contract with the tenant in the key, so a row can only ever
            -- carry the tenant that signed its contract: row-level security on tenant_id then hides exactly that tenant's rows.
            CREATE TABLE fills (
                plan_id TEXT NOT NULL REFERENCES plans (plan_id), book_id TEXT NOT NULL, version INTEGER NOT NULL,
                tenant_id TEXT NOT NULL, contract_id TEXT NOT NULL, month TEXT NOT NULL,
                committed_mw DOUBLE PRECISION NOT NULL, allocated_mw DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (plan_id, tenant_id, contract_id, month),
                FOREIGN KEY (book_id, version, tenant_id, contract_id) REFERENCES contracts (book_id, version, tenant_id, contract_id));
            CREATE TABLE allocations (
                plan_id TEXT NOT NULL REFERENCES plans (plan_id), book_id TEXT NOT NULL, version INTEGER NOT NULL,
                tenant_id TEXT NOT NULL, month TEXT NOT NULL, contract_id TEXT NOT NULL, site_id TEXT NOT NULL, chip TEXT NOT NULL,
                mw DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (plan_id, tenant_id, month, contract_id, site_id, chip),
                FOREIGN KEY (book_id, version, tenant_id, contract_id) REFERENCES contracts (book_id, version, tenant_id, contract_id));
            """, """
            ALTER TABLE plans ENABLE ROW LEVEL SECURITY;
            ALTER TABLE plans FORCE ROW LEVEL SECURITY;
            CREATE POLICY everyone_reads ON plans FOR SELECT USING (true);
            CREATE POLICY admin_writes ON plans FOR INSERT WITH CHECK (current_setting('qm.role', true) = 'admin');
            ALTER TABLE fills ENABLE ROW LEVEL SECURITY;
            ALTER TABLE fills FORCE ROW LEVEL SECURITY;
            CREATE POLICY own_tenant ON fills USING (tenant_id = current_setting('qm.tenant', true) OR current_setting('qm.role', true) IN ('admin', 'analyst'));
            ALTER TABLE allocations ENABLE ROW LEVEL SECURITY;
            ALTER TABLE allocations FORCE ROW LEVEL SECURITY;
            CREATE POLICY own_tenant ON allocations USING (tenant_id = current_setting('qm.tenant', true) OR current_setting('qm.role', true) IN ('admin', 'analyst'));
            GRANT SELECT, INSERT ON plans, fills, allocations TO {service};
            """),
        new(3, "stress runs", """
            CREATE TABLE stress_runs (
                run_id TEXT NOT NULL PRIMARY KEY, book_id TEXT NOT NULL, version INTEGER NOT NULL,
                status TEXT NOT NULL, progress DOUBLE PRECISION NOT NULL, result TEXT, error TEXT,
                created_at TEXT NOT NULL,
                FOREIGN KEY (book_id, version) REFERENCES book_versions (book_id, version));
            """, """
            ALTER TABLE stress_runs ENABLE ROW LEVEL SECURITY;
            ALTER TABLE stress_runs FORCE ROW LEVEL SECURITY;
            CREATE POLICY provider_only ON stress_runs USING (current_setting('qm.role', true) IN ('admin', 'analyst'));
            GRANT SELECT, INSERT, UPDATE ON stress_runs TO {service};
            """),
        // The readiness check (/readyz) reads the schema version as the service role, not through the owner.
        new(4, "the service role reads the schema version", "-- nothing to change in the tables", """
            GRANT SELECT ON schema_migrations TO {service};
            """),
        // A run spread over a cluster (qm serve --cluster): each chunk's result is stored as it finishes, the instance
        // coordinating a run holds a lease another instance can take over once it lapses, and a cancel request is
        // stored so the coordinator sees it whichever instance received it. The membership tables are Orleans'
        // silo list on our own tables (docs/scale.md says why); they hold no tenant data.
        new(5, "cluster: stress chunks, run leases, cancel requests, silo membership", """
            ALTER TABLE stress_runs ADD COLUMN coordinator TEXT;
            ALTER TABLE stress_runs ADD COLUMN lease_until TEXT;
            ALTER TABLE stress_runs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE stress_chunks (
                run_id TEXT NOT NULL REFERENCES stress_runs (run_id), first_path INTEGER NOT NULL,
                path_count INTEGER NOT NULL, silo TEXT NOT NULL, result BYTEA NOT NULL,
                PRIMARY KEY (run_id, first_path));
            CREATE TABLE cluster_versions (cluster_id TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, etag TEXT NOT NULL);
            CREATE TABLE cluster_silos (
                cluster_id TEXT NOT NULL, address TEXT NOT NULL, port INTEGER NOT NULL, generation INTEGER NOT NULL,
                silo_name TEXT NOT NULL, host_name TEXT NOT NULL, status INTEGER NOT NULL, proxy_port INTEGER NOT NULL,
                suspect_times TEXT NOT NULL, start_time TEXT NOT NULL, i_am_alive_time TEXT NOT NULL, etag TEXT NOT NULL,
                PRIMARY KEY (cluster_id, address, port, generation));
            """, """
            ALTER TABLE stress_chunks ENABLE ROW LEVEL SECURITY;
            ALTER TABLE stress_chunks FORCE ROW LEVEL SECURITY;
            CREATE POLICY provider_only ON stress_chunks USING (current_setting('qm.role', true) IN ('admin', 'analyst'));
            GRANT SELECT, INSERT ON stress_chunks TO {service};
            GRANT SELECT, INSERT, UPDATE, DELETE ON cluster_versions, cluster_silos TO {service};
            """),
    ];

    /// <summary>The schema version a fully migrated database has.</summary>
    public static int Latest => All[^1].Version;
}
