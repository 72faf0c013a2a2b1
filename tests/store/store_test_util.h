// tests/store/store_test_util.h — what the run store tests share: a raw SQLite connection
// (uniquely named, removed on destruction) to inspect or tamper with a database behind the
// store's back, and access to a RunStore's own connection for per-connection pragmas.
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>
#include <QVariant>

#include <string>

namespace qpilot::test {

struct RawDb {
    explicit RawDb(const QString& path)
        : name(QStringLiteral("raw-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        db = QSqlDatabase::addDatabase("QSQLITE", name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDb()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    // First column of the first row ("" + error text on failure).
    QVariant scalar(const QString& sql) const
    {
        QSqlQuery q(db);
        if (!q.exec(sql) || !q.next())
            return QVariant(QStringLiteral("ERROR: ") + q.lastError().text());
        return q.value(0);
    }
    // Runs `sql`; returns the error text ("" when it succeeded).
    QString exec(const QString& sql) const
    {
        QSqlQuery q(db);
        return q.exec(sql) ? QString() : q.lastError().text();
    }

    QString name;
    QSqlDatabase db;
};

// The connection a RunStore opened (its name starts with "qpilot-store-"); the only one in the
// tests that use this.
inline QSqlDatabase storeConnection()
{
    for (const QString& n : QSqlDatabase::connectionNames())
        if (n.startsWith(QLatin1String("qpilot-store-")))
            return QSqlDatabase::database(n, false);
    return {};
}

} // namespace qpilot::test
