// SPDX-License-Identifier: GPL-3.0-or-later
// ui/runs/runsmodel.cpp — the stored runs as a table (see runsmodel.h).
#include "ui/runs/runsmodel.h"

#include "core/readiness/readiness.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>

#include <algorithm>

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

std::optional<Error> RunsModel::reload(const QString& databasePath)
{
    std::vector<store::RunSummary> runs;
    const bool exists = QFileInfo::exists(databasePath);
    if (exists) {
        auto opened = store::RunStore::open(databasePath.toStdString());
        if (!opened)
            return opened.error();
        auto list = opened.value()->listRuns();
        if (!list)
            return list.error();
        runs = std::move(list).value();
        std::sort(runs.begin(), runs.end(), [](const store::RunSummary& a, const store::RunSummary& b) { return a.id > b.id; });
    }
    beginResetModel();
    m_runs = std::move(runs);
    m_exists = exists;
    endResetModel();
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
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Id || index.column() == Seed || index.column() == Overall)
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
