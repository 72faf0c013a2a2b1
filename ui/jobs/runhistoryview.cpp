// SPDX-License-Identifier: GPL-3.0-or-later
// ui/jobs/runhistoryview.cpp — the run history (see runhistoryview.h).
#include "ui/jobs/runhistoryview.h"

#include "core/store/store.h"
#include "ui/pilot/pilotrunner.h"
#include "ui/runs/runsmodel.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace qpilot {

namespace {

struct ListResult {
    std::optional<RunsModel::Listing> listing;
    std::optional<Error> error;
    double milliseconds = 0;
};

struct PairResult {
    std::optional<ComparedRun> a, b;
    std::optional<Error> error;
};

Result<ComparedRun> readStoredRun(const store::RunStore& s, qint64 id)
{
    auto run = s.loadRun(id);
    if (!run)
        return run.error();
    auto summary = s.summary(id);
    if (!summary)
        return summary.error();
    ComparedRun out;
    out.id = id;
    out.run = std::move(run).value();
    out.summary = std::move(summary).value();
    return out;
}

PairResult readPair(const QString& path, qint64 a, qint64 b)
{
    PairResult out;
    auto opened = store::RunStore::open(path.toStdString());
    if (!opened) {
        out.error = opened.error();
        return out;
    }
    auto ra = readStoredRun(*opened.value(), a);
    if (!ra) {
        out.error = ra.error();
        return out;
    }
    auto rb = readStoredRun(*opened.value(), b);
    if (!rb) {
        out.error = rb.error();
        return out;
    }
    out.a = std::move(ra).value();
    out.b = std::move(rb).value();
    return out;
}

} // namespace

// ---- RunsFilterModel ------------------------------------------------------------------------

RunsFilterModel::RunsFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RunsModel::SortRole);
}

void RunsFilterModel::setPilotFilter(const QString& text)
{
    if (text == m_pilot)
        return;
    m_pilot = text;
    invalidateRowsFilter();
}

void RunsFilterModel::setStatusFilter(const QString& status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateRowsFilter();
}

bool RunsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* m = sourceModel();
    if (!m_pilot.isEmpty()
        && !m->index(sourceRow, RunsModel::Pilot, sourceParent).data().toString().contains(m_pilot, Qt::CaseInsensitive))
        return false;
    if (!m_status.isEmpty() && m->index(sourceRow, RunsModel::Status, sourceParent).data().toString() != m_status)
        return false;
    return true;
}

// ---- RunHistoryView -------------------------------------------------------------------------

RunHistoryView::RunHistoryView(PilotRunner* runner, QWidget* parent)
    : QWidget(parent), m_runner(runner), m_model(new RunsModel(this)), m_filter(new RunsFilterModel(this)),
      m_view(new QTableView(this)), m_pilotEdit(new QLineEdit(this)), m_statusBox(new QComboBox(this)), m_hint(new QLabel(this)),
      m_busyLabel(new QLabel(tr("Reading the run store\u2026"), this)), m_busy(new QProgressBar(this)),
      m_verification(new QLabel(this)), m_refresh(new QPushButton(tr("Refresh"), this)), m_open(new QPushButton(tr("Open"), this)),
      m_compare(new QPushButton(tr("Compare"), this)), m_reproduce(new QPushButton(tr("Reproduce"), this)),
      m_openReport(new QPushButton(tr("Open report"), this))
{
    qRegisterMetaType<qpilot::ComparedRun>();
    setObjectName(QStringLiteral("runHistoryView"));
    m_view->setObjectName(QStringLiteral("historyTable"));
    m_pilotEdit->setObjectName(QStringLiteral("historyPilotFilter"));
    m_statusBox->setObjectName(QStringLiteral("historyStatusFilter"));
    m_verification->setObjectName(QStringLiteral("historyVerification"));
    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RunsModel::Id, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_pilotEdit->setPlaceholderText(tr("Filter by pilot name"));
    m_pilotEdit->setClearButtonEnabled(true);
    m_statusBox->addItem(tr("All statuses"), QString());
    for (const char* s : {"completed", "failed", "cancelled", "running"})
        m_statusBox->addItem(QString::fromLatin1(s), QString::fromLatin1(s));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_busyLabel->hide();
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_verification->setWordWrap(true);
    m_verification->setTextFormat(Qt::PlainText);
    m_verification->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verification->hide();
    m_open->setToolTip(tr("Open the selected run"));
    m_compare->setToolTip(tr("Compare the two selected runs side by side"));
    m_reproduce->setToolTip(tr("Re-execute the selected run from its stored record and compare every result field"));
    m_openReport->setToolTip(tr("Open the selected run's PDF report"));

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_pilotEdit, 2);
    filters->addWidget(m_statusBox, 1);
    filters->addWidget(m_busy);
    filters->addWidget(m_busyLabel);
    filters->addWidget(m_refresh);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_compare);
    buttons->addWidget(m_reproduce);
    buttons->addStretch(1);
    buttons->addWidget(m_openReport);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(filters);
    layout->addWidget(m_hint);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_verification);
    layout->addLayout(buttons);

    connect(m_pilotEdit, &QLineEdit::textChanged, this, [this](const QString& t) {
        m_filter->setPilotFilter(t.trimmed());
        updateButtons();
    });
    connect(m_statusBox, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setStatusFilter(m_statusBox->currentData().toString());
        updateButtons();
    });
    connect(m_refresh, &QPushButton::clicked, this, &RunHistoryView::refresh);
    connect(m_open, &QPushButton::clicked, this, &RunHistoryView::openSelected);
    connect(m_compare, &QPushButton::clicked, this, &RunHistoryView::compareSelected);
    connect(m_reproduce, &QPushButton::clicked, this, &RunHistoryView::reproduceSelected);
    connect(m_openReport, &QPushButton::clicked, this, &RunHistoryView::openSelectedReport);
    connect(m_view, &QTableView::doubleClicked, this, &RunHistoryView::openSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunHistoryView::updateButtons);
    connect(m_runner, &PilotRunner::started, this, &RunHistoryView::updateButtons);
    connect(m_runner, &PilotRunner::finished, this, &RunHistoryView::onRunnerFinished);
    updateButtons();
}

void RunHistoryView::setDatabasePath(const QString& path)
{
    m_databasePath = path;
    refresh();
}

QString RunHistoryView::verificationText() const
{
    return m_verification->isHidden() ? QString() : m_verification->text();
}

QString RunHistoryView::hintText() const
{
    return m_hint->isHidden() ? QString() : m_hint->text();
}

void RunHistoryView::setBusy(bool busy, const QString& what)
{
    m_loading = std::max(0, m_loading + (busy ? 1 : -1));
    m_busyLabel->setText(what);
    m_busy->setVisible(m_loading > 0);
    m_busyLabel->setVisible(m_loading > 0);
}

QList<qint64> RunHistoryView::selectedRuns() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex& i : rows)
        ids << i.data(RunsModel::RunIdRole).toLongLong();
    return ids;
}

void RunHistoryView::selectRuns(const QList<qint64>& ids)
{
    QItemSelection selection;
    for (qint64 id : ids) {
        const int source = m_model->rowOf(id);
        if (source < 0)
            continue;
        const QModelIndex proxy = m_filter->mapFromSource(m_model->index(source, 0));
        if (proxy.isValid())
            selection.select(proxy, proxy.siblingAtColumn(RunsModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!selection.isEmpty())
        m_view->scrollTo(selection.indexes().first());
}

void RunHistoryView::updateButtons()
{
    const QList<qint64> ids = selectedRuns();
    QString status;
    if (ids.size() == 1) {
        const int row = m_model->rowOf(ids.first());
        if (row >= 0)
            status = QString::fromStdString(m_model->runs()[static_cast<size_t>(row)].status);
    }
    m_open->setEnabled(ids.size() == 1);
    m_compare->setEnabled(ids.size() == 2);
    m_reproduce->setEnabled(ids.size() == 1 && status == QLatin1String("completed") && !m_runner->isRunning());
    m_openReport->setEnabled(ids.size() == 1 && status == QLatin1String("completed"));
    const QString path = QDir::toNativeSeparators(m_databasePath);
    if (m_model->rowCount() == 0) {
        m_hint->setText(m_databasePath.isEmpty() ? tr("No run store chosen.")
                        : m_model->storeExists()  ? tr("No runs in %1 yet.").arg(path)
                                                  : tr("No run store yet at %1. Runs are recorded there when a pilot runs.").arg(path));
    } else if (m_filter->rowCount() == 0) {
        m_hint->setText(tr("No run matches the filter (%1 run(s) in the store).").arg(m_model->rowCount()));
    } else {
        m_hint->clear();
    }
    m_hint->setVisible(!m_hint->text().isEmpty() && !isLoading());
}

void RunHistoryView::refresh()
{
    const int generation = ++m_generation;
    if (m_reselect.isEmpty())
        m_reselect = selectedRuns();
    setBusy(true, tr("Reading the run store\u2026"));
    auto* watcher = new QFutureWatcher<ListResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        setBusy(false, QString());
        if (generation != m_generation)
            return;
        const ListResult r = watcher->result();
        if (r.error) {
            emit storeError(tr("The run store %1 cannot be read:\n%2")
                                .arg(QDir::toNativeSeparators(m_databasePath), QString::fromStdString(r.error->toString())));
        } else {
            m_listMs = r.milliseconds;
            m_model->setListing(*r.listing);
        }
        const QList<qint64> reselect = m_reselect;
        m_reselect.clear();
        selectRuns(reselect);
        updateButtons();
        emit listed();
    });
    const QString path = m_databasePath;
    watcher->setFuture(QtConcurrent::run([path] {
        QElapsedTimer t;
        t.start();
        ListResult r;
        if (!path.isEmpty()) {
            auto listing = RunsModel::readListing(path);
            if (listing)
                r.listing = std::move(listing).value();
            else
                r.error = listing.error();
        } else {
            r.listing = RunsModel::Listing{};
        }
        r.milliseconds = t.nsecsElapsed() / 1e6;
        return r;
    }));
}

Result<pilot::PilotRun> RunHistoryView::loadRun(qint64 id) const
{
    auto opened = store::RunStore::open(m_databasePath.toStdString());
    if (!opened)
        return opened.error();
    return opened.value()->loadRun(id);
}

QString RunHistoryView::reportPath(qint64 id) const
{
    if (!QFileInfo::exists(m_databasePath))
        return {};
    auto opened = store::RunStore::open(m_databasePath.toStdString());
    if (!opened)
        return {};
    auto arts = opened.value()->artefacts(id);
    if (!arts)
        return {};
    for (const store::Artefact& a : arts.value())
        if (a.kind == "report" && QFileInfo::exists(QString::fromStdString(a.path)))
            return QString::fromStdString(a.path);
    return {};
}

void RunHistoryView::openSelected()
{
    const QList<qint64> ids = selectedRuns();
    if (ids.size() == 1)
        emit runOpened(ids.first());
}

void RunHistoryView::compareSelected()
{
    const QList<qint64> ids = selectedRuns();
    if (ids.size() != 2)
        return;
    // Older run as A.
    compareRuns(std::min(ids[0], ids[1]), std::max(ids[0], ids[1]));
}

void RunHistoryView::compareRuns(qint64 a, qint64 b)
{
    setBusy(true, tr("Loading runs %1 and %2\u2026").arg(a).arg(b));
    auto* watcher = new QFutureWatcher<PairResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        setBusy(false, QString());
        updateButtons();
        const PairResult r = watcher->result();
        if (r.error) {
            emit storeError(tr("The runs cannot be compared:\n%1").arg(QString::fromStdString(r.error->toString())));
            return;
        }
        emit comparisonReady(*r.a, *r.b);
    });
    watcher->setFuture(QtConcurrent::run(readPair, m_databasePath, a, b));
}

void RunHistoryView::reproduceSelected()
{
    const QList<qint64> ids = selectedRuns();
    if (ids.size() != 1)
        return;
    if (m_runner->startReproduce(m_databasePath, ids.first())) {
        m_reproducing = ids.first();
        m_verification->setText(tr("Reproducing run %1\u2026").arg(m_reproducing));
        m_verification->show();
    }
    updateButtons();
}

void RunHistoryView::openSelectedReport()
{
    const QList<qint64> ids = selectedRuns();
    if (ids.size() != 1)
        return;
    const QString pdf = reportPath(ids.first());
    if (pdf.isEmpty()) {
        emit storeError(tr("Run %1 has no report file (none was written, or it was moved).").arg(ids.first()));
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(pdf));
}

void RunHistoryView::onRunnerFinished()
{
    const PilotJobResult& r = m_runner->result();
    qint64 select = r.execution.runId;
    if (r.reproduce && m_reproducing > 0) {
        const pilot::Reproduction& rep = r.reproduction;
        QString text;
        if (rep.error || !rep.invalid.empty()) {
            text = tr("Reproducing run %1 failed: %2")
                       .arg(m_reproducing)
                       .arg(QString::fromStdString(rep.error ? rep.error->toString() : rep.invalid.front().toString()));
        } else if (rep.identical) {
            text = tr("Run %1 reproduced as run %2: bit-identical results (digest %3\u2026).")
                       .arg(m_reproducing)
                       .arg(r.execution.runId)
                       .arg(QString::fromStdString(rep.digest.substr(0, 16)));
        } else {
            text = tr("Run %1 reproduced as run %2: %3 result field(s) differ:")
                       .arg(m_reproducing)
                       .arg(r.execution.runId)
                       .arg(rep.differences.size());
            const size_t shown = std::min<size_t>(rep.differences.size(), 12);
            for (size_t i = 0; i < shown; ++i)
                text += QStringLiteral("\n\u2022 ") + QString::fromStdString(rep.differences[i]);
            if (rep.differences.size() > shown)
                text += tr("\n\u2026 and %1 more").arg(rep.differences.size() - shown);
        }
        m_verification->setText(text);
        m_verification->show();
        m_reproducing = 0;
        emit verified(!rep.error && rep.invalid.empty() && rep.identical);
    }
    if (select > 0)
        m_reselect = {select};
    refresh();
}

} // namespace qpilot
