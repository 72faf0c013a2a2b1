// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudjobsmodel.cpp — CloudJobsModel (see cloudjobsmodel.h).
#include "ui/cloud/cloudjobsmodel.h"

#include "ui/report/reportstyle.h"

#include <QFileInfo>

namespace qpilot {

namespace {

QString money(const std::optional<double>& v)
{
    return v ? QStringLiteral("%1 USD").arg(*v, 0, 'f', 2) : QStringLiteral("–");
}

} // namespace

CloudJobsModel::CloudJobsModel(QObject* parent) : QAbstractTableModel(parent) {}

std::optional<Error> CloudJobsModel::reload(const QString& databasePath)
{
    std::vector<store::CloudJobRecord> jobs;
    if (QFileInfo::exists(databasePath)) {
        auto s = store::RunStore::open(databasePath.toStdString());
        if (!s)
            return s.error();
        auto list = s.value()->listCloudJobs();
        if (!list)
            return list.error();
        jobs = std::move(list).value();
    }
    beginResetModel();
    m_jobs = std::move(jobs);
    endResetModel();
    return std::nullopt;
}

int CloudJobsModel::rowOf(qint64 id) const
{
    for (std::size_t i = 0; i < m_jobs.size(); ++i)
        if (m_jobs[i].id == id)
            return int(i);
    return -1;
}

int CloudJobsModel::unfinishedCount() const
{
    int n = 0;
    for (const auto& j : m_jobs)
        n += j.state == "submitting" || j.state == "queued" || j.state == "running" || (j.state == "completed" && j.countsJson.empty());
    return n;
}

int CloudJobsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_jobs.size()); }
int CloudJobsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CloudJobsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount() || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const store::CloudJobRecord& j = m_jobs[std::size_t(index.row())];
    if (role == JobIdRole)
        return qint64(j.id);
    if (role == StateRole)
        return QString::fromStdString(j.state);
    if (role == Qt::ForegroundRole && index.column() == State) {
        if (j.state == "failed")
            return ui::report::ratingDark(0);
        if (j.state == "completed")
            return ui::report::ratingDark(2);
        return {};
    }
    if (role == Qt::ToolTipRole && (index.column() == LastError || index.column() == State))
        return QString::fromStdString(j.message.empty() ? j.lastError : j.message + "\n" + j.lastError);
    if (role == Qt::TextAlignmentRole && (index.column() == Id || index.column() == Shots || index.column() == EstimatedCost
                                          || index.column() == ReportedCost))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Id: return qint64(j.id);
    case Provider: return QString::fromStdString(j.provider);
    case Device: return QString::fromStdString(j.deviceId);
    case State: return QString::fromStdString(j.state);
    case Shots: return j.shots;
    case EstimatedCost: return money(j.estimatedCostUsd);
    case ReportedCost: return money(j.actualCostUsd);
    case Submitted: return QString::fromStdString(j.submittedAt.empty() ? j.createdAt : j.submittedAt).left(19).replace('T', ' ');
    case ProviderJob: return QString::fromStdString(j.providerJobId);
    case LastError: return QString::fromStdString(j.lastError);
    case ColumnCount: break;
    }
    return {};
}

QVariant CloudJobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char* titles[] = {"Job", "Provider", "Device", "State", "Shots", "Est. cost", "Reported", "Submitted (UTC)",
                                   "Provider job", "Last error"};
    return section >= 0 && section < ColumnCount ? QString::fromLatin1(titles[section]) : QVariant();
}

} // namespace qpilot
