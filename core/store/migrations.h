// core/store/migrations.h — the run store's schema as numbered migrations (PRAGMA user_version
// holds the version; schema_migrations keeps the history with descriptions and dates). Each
// migration runs in its own transaction together with the version bump, so a crash mid-way
// leaves the previous version intact. Exposed for the store and for the migration tests, which
// build a database at every older version and reopen it.
#pragma once

#include "core/common/result.h"

#include <QSqlDatabase>

#include <optional>
#include <string>
#include <vector>

namespace qpilot::store {

struct MigrationInfo {
    int version = 0;
    std::string description;
};
// Every migration, in order (version 1 .. kSchemaVersion).
std::vector<MigrationInfo> migrationList();

// Applies migrations from+1 .. to on `db` (an open connection with foreign keys set), each in
// one transaction (skipped when another connection applied it meanwhile). Upgrading an existing
// store (from > 0) adds a "migrate" audit entry in the last migration's transaction. `path`
// names the database in errors and in the audit entry.
std::optional<Error> migrate(QSqlDatabase& db, const std::string& path, int from, int to);

} // namespace qpilot::store
