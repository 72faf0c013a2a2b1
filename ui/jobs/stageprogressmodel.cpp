// SPDX-License-Identifier: GPL-3.0-or-later
// ui/jobs/stageprogressmodel.cpp — the per-stage progress table and the remaining-time estimate
// (see stageprogressmodel.h).
#include "ui/jobs/stageprogressmodel.h"

#include "ui/runs/runsmodel.h"

#include <QGuiApplication>
#include <QPalette>
#include <QBrush>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <cmath>

namespace qpilot {

QString stageStateKey(StageState s)
{
    switch (s) {
    case StageState::Pending:
        return QStringLiteral("pending");
    case StageState::Running:
        return QStringLiteral("running");
    case StageState::Done:
        return QStringLiteral("done");
    case StageState::Failed:
        return QStringLiteral("failed");
    case StageState::Cancelled:
        return QStringLiteral("cancelled");
    case StageState::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QColor stageStateColor(StageState s)
{
    switch (s) {
    case StageState::Pending:
        return QColor(0x9a, 0xa2, 0xac);
    case StageState::Running:
        return QColor(0x00, 0x72, 0xb2);   // Okabe–Ito blue (report series 0)
    case StageState::Done:
        return QColor(0x1b, 0x7f, 0x3b);
    case StageState::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case StageState::Cancelled:
        return QColor(0xb2, 0x6a, 0x00);
    case StageState::Skipped:
        return QColor(0xbf, 0xc5, 0xcc);
    }
    return {};
}

namespace {

StageState stateFromRecord(const std::string& status)
{
    if (status == "done")
        return StageState::Done;
    if (status == "cancelled")
        return StageState::Cancelled;
    if (status == "skipped")
        return StageState::Skipped;
    return StageState::Failed;
}

QIcon stateIcon(StageState s)
{
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = stageStateColor(s);
    if (s == StageState::Pending || s == StageState::Skipped) {
        p.setPen(QPen(c, 1.6));
        p.setBrush(Qt::NoBrush);
    } else {
        p.setPen(Qt::NoPen);
        p.setBrush(c);
    }
    p.drawEllipse(QRectF(2, 2, 10, 10));
    return QIcon(pm);
}

} // namespace

StageProgressModel::Durations stageDurations(const pilot::PilotRun& run)
{
    StageProgressModel::Durations d{};
    for (const pilot::StageRecord& r : run.stages)
        d[static_cast<size_t>(r.stage)] = std::max(0.0, r.seconds);
    return d;
}

StageProgressModel::StageProgressModel(QObject* parent) : QAbstractTableModel(parent) {}

void StageProgressModel::reset()
{
    beginResetModel();
    m_rows = {};
    endResetModel();
}

int StageProgressModel::runningStage() const
{
    for (int s = 0; s < pilot::kStageCount; ++s)
        if (m_rows[static_cast<size_t>(s)].state == StageState::Running)
            return s;
    return -1;
}

void StageProgressModel::changed(int stage)
{
    emit dataChanged(index(stage, 0), index(stage, ColumnCount - 1));
}

void StageProgressModel::progress(int stage, double fraction, const QString& message, double now)
{
    if (stage < 0 || stage >= pilot::kStageCount)
        return;
    for (int s = 0; s < stage; ++s) {
        Row& r = m_rows[static_cast<size_t>(s)];
        if (r.state == StageState::Pending || r.state == StageState::Running) {
            // A stage that reported nothing itself ran between its predecessor and this one.
            if (r.startedAt < 0)
                r.startedAt = s > 0 && m_rows[static_cast<size_t>(s - 1)].startedAt >= 0
                                  ? m_rows[static_cast<size_t>(s - 1)].startedAt + m_rows[static_cast<size_t>(s - 1)].seconds
                                  : now;
            r.seconds = std::max(0.0, now - r.startedAt);
            r.state = StageState::Done;
            r.fraction = 1;
            changed(s);
        }
    }
    Row& r = m_rows[static_cast<size_t>(stage)];
    if (r.state == StageState::Pending) {
        r.state = StageState::Running;
        r.startedAt = now;
    }
    if (r.state == StageState::Running) {
        r.fraction = std::clamp(fraction, 0.0, 1.0);
        r.seconds = std::max(0.0, now - r.startedAt);
        if (!message.isEmpty())
            r.message = message;
        changed(stage);
    }
}

void StageProgressModel::tick(double now)
{
    const int s = runningStage();
    if (s < 0)
        return;
    Row& r = m_rows[static_cast<size_t>(s)];
    r.seconds = std::max(0.0, now - r.startedAt);
    emit dataChanged(index(s, Seconds), index(s, Seconds));
}

void StageProgressModel::finish(const pilot::PilotRun& run)
{
    std::array<bool, pilot::kStageCount> recorded{};
    for (const pilot::StageRecord& rec : run.stages) {
        const size_t s = static_cast<size_t>(rec.stage);
        Row& r = m_rows[s];
        r.state = stateFromRecord(rec.status);
        r.seconds = std::max(0.0, rec.seconds);
        r.fraction = r.state == StageState::Done ? 1 : r.fraction;
        r.message = QString::fromStdString(rec.message);
        recorded[s] = true;
    }
    int cancelledAt = -1;
    if (run.status == pilot::RunStatus::Cancelled) {
        bool any = false;
        for (const pilot::StageRecord& rec : run.stages)
            any = any || rec.status == "cancelled";
        if (!any) {
            // "devices: cancelled before the stage started" names the stage; else the one in flight.
            for (int s = 0; s < pilot::kStageCount && cancelledAt < 0; ++s)
                if (!recorded[static_cast<size_t>(s)]
                    && run.stopReason.rfind(std::string(pilot::stageKey(pilot::Stage(s))) + ":", 0) == 0)
                    cancelledAt = s;
            if (cancelledAt < 0)
                cancelledAt = runningStage();
            for (int s = 0; s < pilot::kStageCount && cancelledAt < 0; ++s)
                if (!recorded[static_cast<size_t>(s)])
                    cancelledAt = s;
        }
    }
    for (int s = 0; s < pilot::kStageCount; ++s) {
        if (recorded[static_cast<size_t>(s)])
            continue;
        Row& r = m_rows[static_cast<size_t>(s)];
        if (s == cancelledAt) {
            r.state = StageState::Cancelled;
            r.message = QString::fromStdString(run.stopReason);
        } else {
            r.state = StageState::Skipped;
            r.seconds = 0;
            r.fraction = 0;
            r.message = run.status == pilot::RunStatus::Completed ? tr("not requested") : tr("not reached");
        }
    }
    emit dataChanged(index(0, 0), index(pilot::kStageCount - 1, ColumnCount - 1));
}

std::optional<double> StageProgressModel::estimateRemaining(double now) const
{
    bool open = false;
    for (const Row& r : m_rows)
        open = open || r.state == StageState::Pending || r.state == StageState::Running;
    if (!open)
        return 0.0;
    const int cur = runningStage();
    if (cur < 0 || !(now >= 0))
        return std::nullopt;
    const Row& r = m_rows[static_cast<size_t>(cur)];
    const double inStage = std::max(0.0, now - r.startedAt);
    const double f = std::clamp(r.fraction, 0.0, 1.0);
    // The running stage by its own fraction once that says something.
    const std::optional<double> byFraction =
        f >= 0.05 && inStage >= 0.2 ? std::optional<double>(inStage * (1 - f) / f) : std::nullopt;

    double previousTotal = 0;
    if (m_previous)
        for (double d : *m_previous)
            previousTotal += d;
    if (m_previous && previousTotal > 0) {
        // How much faster or slower this run goes than the previous one, on the stages done.
        double doneActual = 0, donePrevious = 0;
        for (int s = 0; s < pilot::kStageCount; ++s) {
            if (m_rows[static_cast<size_t>(s)].state != StageState::Done)
                continue;
            doneActual += m_rows[static_cast<size_t>(s)].seconds;
            donePrevious += (*m_previous)[static_cast<size_t>(s)];
        }
        const double scale = donePrevious >= 0.2 && doneActual > 0 ? std::clamp(doneActual / donePrevious, 0.25, 4.0) : 1.0;
        const double current = byFraction ? *byFraction : std::max(0.0, (*m_previous)[static_cast<size_t>(cur)] * scale - inStage);
        double rest = 0;
        for (int s = cur + 1; s < pilot::kStageCount; ++s)
            if (m_rows[static_cast<size_t>(s)].state == StageState::Pending)
                rest += (*m_previous)[static_cast<size_t>(s)] * scale;
        const double cap = std::max(60.0, 20.0 * std::max(now, previousTotal));
        return std::clamp(current + rest, 0.0, cap);
    }
    // No history: extrapolate the share of stages done (each stage weighs the same) once enough ran.
    if (now < 1.0)
        return std::nullopt;
    double done = 0;
    for (const Row& row : m_rows)
        done += row.state == StageState::Done || row.state == StageState::Skipped ? 1.0 : 0.0;
    const double share = (done + f) / pilot::kStageCount;
    if (share < 0.15)
        return std::nullopt;
    return std::clamp(now * (1 - share) / share, 0.0, 20.0 * now);
}

int StageProgressModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : pilot::kStageCount;
}

int StageProgressModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StageProgressModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[static_cast<size_t>(index.row())];
    const auto stage = static_cast<pilot::Stage>(index.row());
    switch (role) {
    case StateRole:
        return static_cast<int>(r.state);
    case FractionRole:
        return r.fraction;
    case SecondsRole:
        return r.seconds;
    case Qt::DecorationRole:
        return index.column() == Title ? QVariant(stateIcon(r.state)) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == Status)
            return QBrush(stageStateColor(r.state).darker(r.state == StageState::Skipped ? 140 : 110));
        if (r.state == StageState::Skipped || r.state == StageState::Pending)
            return QBrush(QGuiApplication::palette().color(QPalette::PlaceholderText)); // muted in either theme
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Seconds)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        return index.column() == Message ? r.message : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return QStringLiteral("%1. %2").arg(index.row() + 1).arg(QString::fromLatin1(pilot::stageTitle(stage)));
        case Status:
            return stageStateKey(r.state);
        case Seconds:
            if (r.state == StageState::Pending || r.state == StageState::Skipped)
                return QStringLiteral("\u2013");
            if (r.seconds < 1)
                return QStringLiteral("%1 ms").arg(r.seconds * 1e3, 0, 'f', r.seconds < 0.01 ? 1 : 0);
            return r.seconds < 10 ? QStringLiteral("%1 s").arg(r.seconds, 0, 'f', 2) : formatDuration(r.seconds);
        case Progress:
            return r.state == StageState::Running ? QStringLiteral("%1 %").arg(std::lround(r.fraction * 100)) : QString();
        case Message:
            return r.message;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant StageProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Stage");
    case Status:
        return tr("Status");
    case Seconds:
        return tr("Time");
    case Progress:
        return tr("Progress");
    case Message:
        return tr("Last message");
    default:
        return {};
    }
}

} // namespace qpilot
