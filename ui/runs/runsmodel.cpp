// SPDX-License-Identifier: GPL-3.0-or-later
// ui/runs/runsmodel.cpp — the stored runs as a table (see runsmodel.h).
#include "ui/runs/runsmodel.h"

#include "core/readiness/readiness.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace qpilot {

QString verdictTitleFromKey(const std::string& key)
{
    using readiness::Verdict;
    for (Verdict v : {Verdict::ProductionReady, Verdict::ContinuePiloting, Verdict::NotReady}) {
        if (key == readiness::verdictKey(v))
            return QString::fromUtf8(readiness::verdictTitle(v));
    }
    return QString::fromStdString(key);
}

RunsModel::RunsModel(QObject* parent) : QAbstractTableModel(parent) {}

double runDurationSeconds(const std::string& startedAt, const std::string& finishedAt)
{
    if (startedAt.empty() || finishedAt.empty())
        return -1;
    const QDateTime a = QDateTime::fromString(QString::fromStdString(startedAt), Qt::ISODateWithMs);
    const QDateTime b = QDateTime::fromString(QString::fromStdString(finishedAt), Qt::ISODateWithMs);
    if (!a.isValid() || !b.isValid() || b < a)
        return -1;
    return a.msecsTo(b) / 1000.0;
}

QString formatDuration(double seconds)
{
    if (!(seconds >= 0))
        return QStringLiteral("\u2013");
    if (seconds < 1)
        return QStringLiteral("%1 ms").arg(std::lround(seconds * 1000));
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds, 0, 'f', 1);
    const long long s = std::llround(seconds);
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

Result<RunsModel::Listing> RunsModel::readListing(const QString& databasePath)
{
    Listing listing;
    listing.exists = QFileInfo::exists(databasePath);
    if (listing.exists) {
        auto opened = store::RunStore::open(databasePath.toStdString());
        if (!opened)
            return opened.error();
        auto list = opened.value()->listRuns();
        if (!list)
            return list.error();
        listing.runs = std::move(list).value();
        std::sort(listing.runs.begin(), listing.runs.end(),
                  [](const store::RunSummary& a, const store::RunSummary& b) { return a.id > b.id; });
    }
    return listing;
}

void RunsModel::setListing(Listing listing)
{
    beginResetModel();
    m_runs = std::move(listing.runs);
    m_exists = listing.exists;
    endResetModel();
}

std::optional<Error> RunsModel::reload(const QString& databasePath)
{
    auto listing = readListing(databasePath);
    if (!listing)
        return listing.error();
    setListing(std::move(listing).value());
    return std::nullopt;
}

int RunsModel::rowOf(qint64 id) const
{
    for (size_t i = 0; i < m_runs.size(); ++i) {
        if (m_runs[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

int RunsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::RunSummary& r = m_runs[static_cast<size_t>(index.row())];
    if (role == RunIdRole)
        return QVariant::fromValue<qint64>(r.id);
    if (role == SortRole) {
        switch (index.column()) {
        case Id:
            return QVariant::fromValue<qint64>(r.id);
        case Duration:
            return runDurationSeconds(r.startedAt, r.finishedAt);
        case Seed:
            return QVariant::fromValue<qulonglong>(r.seed);
        case Overall:
            return r.overall;
        case Status:
            return QString::fromStdString(r.status);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Id || index.column() == Seed || index.column() == Overall || index.column() == Duration)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (r.status == "failed")
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (r.status == "cancelled" || r.status == "running")
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Digest)
        return QString::fromStdString(r.resultDigest);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Id:
        return QVariant::fromValue<qint64>(r.id);
    case Pilot:
        return QString::fromStdString(r.pilotName);
    case Status:
        return QString::fromStdString(r.status);
    case Started: {
        QString s = QString::fromStdString(r.startedAt);
        s.replace(QLatin1Char('T'), QLatin1Char(' '));
        return s.left(16);
    }
    case Duration:
        return r.status == "running" ? QStringLiteral("\u2026") : formatDuration(runDurationSeconds(r.startedAt, r.finishedAt));
    case Seed:
        return QString::number(r.seed);
    case Verdict:
        return r.verdict.empty() ? QStringLiteral("\u2013") : verdictTitleFromKey(r.verdict);
    case Overall:
        return r.overall < 0 ? QStringLiteral("\u2013") : QString::number(r.overall, 'f', 1);
    case Digest:
        return QString::fromStdString(r.resultDigest.substr(0, 12));
    default:
        return {};
    }
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Run");
    case Pilot:
        return tr("Pilot");
    case Status:
        return tr("Status");
    case Started:
        return tr("Started (UTC)");
    case Duration:
        return tr("Duration");
    case Seed:
        return tr("Seed");
    case Verdict:
        return tr("Verdict");
    case Overall:
        return tr("Overall");
    case Digest:
        return tr("Digest");
    default:
        return {};
    }
}

} // namespace qpilot
