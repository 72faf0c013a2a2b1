// SPDX-License-Identifier: GPL-3.0-or-later
// ui/results/resultspanel.cpp — the live results dock (see resultspanel.h).
#include "ui/results/resultspanel.h"

#include "core/device/device.h"
#include "ui/document/document.h"
#include "ui/results/amplitudemodel.h"
#include "ui/results/blochsphere.h"
#include "ui/results/expectationmodel.h"
#include "ui/results/qubitmodel.h"
#include "ui/report/reportcharts.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <numeric>

namespace qpilot {

namespace {

const QColor kIdeal(0x1e, 0x88, 0xe5);
const QColor kNoisy(0xfb, 0x8c, 0x00);
const QColor kSampled(0x43, 0xa0, 0x47);
const QColor kMeasured(0xab, 0x47, 0xbc); // purple: 4.4:1 on white, 3.6:1 on the dark theme's base

QCPBars* makeBars(QCustomPlot* plot, const QString& name, const QColor& color)
{
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(name);
    bars->setPen(QPen(color.darker(130)));
    bars->setBrush(color);
    return bars;
}

} // namespace

ResultsPanel::ResultsPanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_simulator(new LiveSimulator(this)), m_amplitudes(new AmplitudeModel(this)),
      m_qubits(new QubitModel(this)), m_expectations(new ExpectationModel(this)), m_observables(new QLineEdit(this)),
      m_debounce(new QTimer(this)), m_device(new QComboBox(this)), m_shots(new QSpinBox(this)),
      m_seed(new QSpinBox(this)), m_status(new QLabel(this)), m_histogram(new QCustomPlot(this)),
      m_marginals(new QCustomPlot(this)), m_table(new QTableView(this)), m_spheres(new BlochSphereWidget(this)),
      m_tabs(new QTabWidget(this)), m_run(new QToolButton(this))
{
    setObjectName(QStringLiteral("resultsPanel"));
    m_device->setObjectName(QStringLiteral("deviceBox"));
    m_device->addItem(tr("Ideal (no device)"), QString());
    for (const DeviceProfile& d : builtinDevices()) {
        m_device->addItem(QString::fromStdString(d.id), QString::fromStdString(d.id));
        m_device->setItemData(m_device->count() - 1,
                              tr("%1 \u2014 %2 qubits").arg(QString::fromStdString(d.name)).arg(d.numQubits),
                              Qt::ToolTipRole);
    }
    m_device->setToolTip(tr("Add a device's noise (density matrix up to %1 qubits, trajectories beyond) "
                            "and its transpiled success probability")
                             .arg(LiveSimulator::kDensityMaxQubits));
    m_shots->setObjectName(QStringLiteral("shotsBox"));
    m_shots->setRange(0, 1000000);
    m_shots->setValue(1024);
    m_shots->setSingleStep(256);
    m_shots->setToolTip(tr("Sampled shots (0: none)"));
    m_seed->setObjectName(QStringLiteral("seedBox"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(1);
    m_seed->setToolTip(tr("Seed of every random draw (same seed, same counts)"));
    m_status->setObjectName(QStringLiteral("resultsStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setText(tr("Run"));
    m_run->setShortcut(QKeySequence(Qt::Key_F5));
    m_run->setToolTip(tr("Simulate now (F5); edits re-run it automatically while live simulation is on"));
    connect(m_run, &QToolButton::clicked, this, &ResultsPanel::runNow);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_run);
    controls->addSpacing(4);
    controls->addWidget(new QLabel(tr("Device:"), this));
    controls->addWidget(m_device);
    controls->addSpacing(8);
    controls->addWidget(new QLabel(tr("Shots:"), this));
    controls->addWidget(m_shots);
    controls->addWidget(new QLabel(tr("Seed:"), this));
    controls->addWidget(m_seed);
    controls->addSpacing(8);
    controls->addWidget(m_status, 1);

    m_histogram->setObjectName(QStringLiteral("histogram"));
    m_histogram->setMinimumHeight(100);
    m_histogram->legend->setVisible(true);
    // The legend sits in its own row above the bars so it never hides one.
    m_histogram->plotLayout()->insertRow(0);
    m_histogram->plotLayout()->addElement(0, 0, m_histogram->legend);
    m_histogram->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_histogram->plotLayout()->setRowStretchFactor(0, 0.001);
    m_histogram->legend->setMargins(QMargins(4, 2, 4, 2));
    m_histogram->yAxis->setLabel(tr("Probability"));
    ui::report::followPalette(m_histogram); // chart colours from the palette (ui/report)
    m_marginals->setObjectName(QStringLiteral("marginalsPlot"));
    m_marginals->yAxis->setLabel(tr("P(1)"));
    ui::report::followPalette(m_marginals);

    m_table->setObjectName(QStringLiteral("amplitudesTable"));
    m_table->setModel(m_amplitudes);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    // Fixed widths from the font: ResizeToContents would measure up to 1000 rows on the GUI
    // thread after every result.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    {
        const QFontMetrics fm = m_table->fontMetrics();
        const int pad = 2 * fm.horizontalAdvance(QLatin1Char('M'));
        m_table->setColumnWidth(AmplitudeModel::StateColumn, fm.horizontalAdvance(QStringLiteral("|0000000000\u27e9")) + pad);
        m_table->setColumnWidth(AmplitudeModel::AmplitudeColumn, fm.horizontalAdvance(QStringLiteral("-0.000-0.000i")) + pad);
        m_table->setColumnWidth(AmplitudeModel::ProbabilityColumn, fm.horizontalAdvance(QStringLiteral("Probability")) + pad);
    }
    m_table->setAlternatingRowColors(false);

    QTabWidget* tabs = m_tabs;
    tabs->setObjectName(QStringLiteral("resultsTabs"));
    auto* qubitTable = new QTableView(this);
    qubitTable->setObjectName(QStringLiteral("qubitTable"));
    qubitTable->setModel(m_qubits);
    qubitTable->verticalHeader()->hide();
    qubitTable->verticalHeader()->setDefaultSectionSize(qubitTable->fontMetrics().height() + 4);
    qubitTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto* sphereScroll = new QScrollArea(this);
    sphereScroll->setObjectName(QStringLiteral("blochScroll"));
    sphereScroll->setWidget(m_spheres);
    sphereScroll->setWidgetResizable(true);
    sphereScroll->setFrameShape(QFrame::NoFrame);
    sphereScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sphereScroll->setBackgroundRole(QPalette::Base);
    auto* bloch = new QTabWidget(this);
    bloch->setObjectName(QStringLiteral("blochTabs"));
    bloch->setDocumentMode(true);
    bloch->setTabPosition(QTabWidget::South);
    bloch->addTab(sphereScroll, tr("Spheres"));
    bloch->addTab(qubitTable, tr("Table"));
    tabs->addTab(bloch, tr("Bloch vectors"));
    tabs->addTab(m_table, tr("Amplitudes"));
    tabs->addTab(m_marginals, tr("Marginals"));
    auto* expectations = new QWidget(this);
    auto* expectationLayout = new QVBoxLayout(expectations);
    expectationLayout->setContentsMargins(2, 2, 2, 2);
    m_observables->setObjectName(QStringLiteral("observablesEdit"));
    m_observables->setPlaceholderText(tr("Pauli strings, comma separated: Z0 Z1, X0 X1, Y2"));
    m_observables->setClearButtonEnabled(true);
    auto* expectationTable = new QTableView(expectations);
    expectationTable->setObjectName(QStringLiteral("expectationTable"));
    expectationTable->setModel(m_expectations);
    expectationTable->verticalHeader()->hide();
    expectationTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    expectationTable->horizontalHeader()->setStretchLastSection(true);
    expectationLayout->addWidget(m_observables);
    expectationLayout->addWidget(expectationTable, 1);
    tabs->addTab(expectations, tr("Expectations"));
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_histogram);
    split->addWidget(tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    split->setSizes({540, 460});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addLayout(controls);
    layout->addWidget(split, 1);

    // Preferences: the last device, shots and seed.
    QSettings settings;
    const int deviceIndex = m_device->findData(settings.value(QStringLiteral("results/device")).toString());
    m_device->setCurrentIndex(std::max(deviceIndex, 0));
    m_shots->setValue(settings.value(QStringLiteral("results/shots"), 1024).toInt());
    m_seed->setValue(settings.value(QStringLiteral("results/seed"), 1).toInt());
    m_observables->setText(settings.value(QStringLiteral("results/observables"), QStringLiteral("Z0 Z1")).toString());

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, [this] {
        if (m_trailingRun)
            runNow();
    });
    m_spheres->setVectors({}, tr("Bloch vectors appear after the first simulation."));
    connect(m_document, &Document::circuitChanged, this, &ResultsPanel::scheduleRun);
    connect(m_device, &QComboBox::currentIndexChanged, this, &ResultsPanel::scheduleRun);
    connect(m_shots, &QSpinBox::valueChanged, this, &ResultsPanel::scheduleRun);
    connect(m_seed, &QSpinBox::valueChanged, this, &ResultsPanel::scheduleRun);
    connect(m_observables, &QLineEdit::editingFinished, this, &ResultsPanel::scheduleRun);
    connect(m_simulator, &LiveSimulator::resultReady, this, &ResultsPanel::showResult);
    connect(m_simulator, &LiveSimulator::started, this, [this] { m_status->setText(tr("Simulating\u2026")); });
    plotHistogram(LiveSimResult{});
}

QString ResultsPanel::statusText() const
{
    return m_status->text();
}

void ResultsPanel::applyTheme()
{
    for (QCustomPlot* plot : {m_histogram, m_marginals}) {
        ui::report::applyChartTheme(*plot, ui::report::chartTheme(plot->palette()));
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void ResultsPanel::applySettings(const WorkbenchSettings& settings, bool initial)
{
    m_debounceMs = std::clamp(settings.debounceMs, WorkbenchSettings::kMinDebounceMs, WorkbenchSettings::kMaxDebounceMs);
    m_debounce->setInterval(m_debounceMs);
    m_maxQubits = std::clamp(settings.maxLiveQubits, 1, LiveSimulator::kMaxQubits);
    const bool wasLive = m_live;
    m_live = settings.liveSimulation;
    const bool limitChanged = m_applied && m_applied->maxLiveQubits != settings.maxLiveQubits;
    QSettings remembered;
    const auto setDevice = [this](const QString& id) {
        const int index = m_device->findData(id);
        m_device->setCurrentIndex(std::max(index, 0));
    };
    const QSignalBlocker blockDevice(m_device), blockShots(m_shots), blockSeed(m_seed);
    bool defaultsChanged = false;
    if (initial) {
        if (!remembered.contains(QStringLiteral("results/device")))
            setDevice(settings.defaultDevice);
        if (!remembered.contains(QStringLiteral("results/shots")))
            m_shots->setValue(std::min(settings.defaultShots, m_shots->maximum()));
        if (!remembered.contains(QStringLiteral("results/seed")))
            m_seed->setValue(int(std::min<quint64>(settings.defaultSeed, quint64(m_seed->maximum()))));
    } else if (m_applied) {
        if (m_applied->defaultDevice != settings.defaultDevice) {
            setDevice(settings.defaultDevice);
            defaultsChanged = true;
        }
        if (m_applied->defaultShots != settings.defaultShots) {
            m_shots->setValue(std::min(settings.defaultShots, m_shots->maximum()));
            defaultsChanged = true;
        }
        if (m_applied->defaultSeed != settings.defaultSeed) {
            m_seed->setValue(int(std::min<quint64>(settings.defaultSeed, quint64(m_seed->maximum()))));
            defaultsChanged = true;
        }
    }
    m_applied = settings;
    if (!m_live) {
        m_debounce->stop();
        m_trailingRun = false;
        m_status->setText(tr("Live simulation is off (Edit ▸ Preferences); press Run or F5 to simulate."));
    } else if (!initial && (!wasLive || limitChanged || defaultsChanged)) {
        runNow();
    }
}

void ResultsPanel::scheduleRun()
{
    if (!m_live) {
        m_status->setText(tr("Live simulation is off; press Run or F5 to simulate the edited circuit."));
        return;
    }
    // Runs start at most once per debounce window. Leading edge: an edit after a quiet spell
    // runs at once. An edit within the window of the last run waits for that window to close
    // (counted from the run, not from the edit, so back-to-back edits are not delayed a whole
    // window each), and every edit until then coalesces into that one run.
    if (m_debounce->isActive()) {
        m_trailingRun = true;
        return;
    }
    const qint64 since = m_sinceRun.isValid() ? m_sinceRun.elapsed() : qint64(m_debounceMs);
    if (since >= m_debounceMs) {
        runNow();
        m_debounce->start(m_debounceMs);
        return;
    }
    m_trailingRun = true;
    m_debounce->start(int(m_debounceMs - since));
}

void ResultsPanel::runNow()
{
    m_trailingRun = false;
    if (!m_document->hasCircuit())
        return;
    m_sinceRun.start();
    LiveSimRequest request;
    request.circuit = m_document->circuit();
    request.deviceId = m_device->currentData().toString();
    request.shots = m_shots->value();
    request.seed = quint64(m_seed->value());
    request.maxQubits = m_maxQubits;
    for (const QString& term : m_observables->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!term.trimmed().isEmpty())
            request.observables.push_back(term.trimmed().toStdString());
    }
    // Remember the choices, writing only what changed: every write makes QSettings sync the
    // file (with fdatasync) on the GUI thread, which must not happen on each edit.
    const QVariantList remembered = {m_observables->text(), request.deviceId, request.shots, m_seed->value()};
    if (remembered != m_remembered) {
        QSettings settings;
        settings.setValue(QStringLiteral("results/observables"), remembered[0]);
        settings.setValue(QStringLiteral("results/device"), remembered[1]);
        settings.setValue(QStringLiteral("results/shots"), remembered[2]);
        settings.setValue(QStringLiteral("results/seed"), remembered[3]);
        m_remembered = remembered;
    }
    m_simulator->request(std::move(request));
    m_measuredGeneration = m_measured && m_document->qasm3Text() == m_measuredQasm ? m_simulator->latestGeneration() : 0;
}

void ResultsPanel::setMeasured(std::optional<MeasuredCounts> measured)
{
    m_measured = std::move(measured);
    m_measuredQasm = m_document->qasm3Text();
    m_measuredIdentity = false;
    if (m_measured) {
        // The histogram is over the qubits when the circuit only measures at the end: the counts
        // (over the bits) line up with it when qubit i is measured into bit i, each qubit once.
        const Circuit& c = m_document->circuit();
        std::vector<int> bitOf(std::size_t(std::max(c.numQubits(), 0)), -1);
        bool identity = c.numClbits() == c.numQubits();
        for (const Operation& op : c.ops) {
            if (const auto* m = std::get_if<MeasureOp>(&op.op)) {
                identity = identity && m->qubit == m->clbit && bitOf[std::size_t(m->qubit)] < 0;
                bitOf[std::size_t(m->qubit)] = m->clbit;
            }
        }
        m_measuredIdentity = identity && std::find(bitOf.begin(), bitOf.end(), -1) == bitOf.end();
        const QSignalBlocker blockDevice(m_device), blockShots(m_shots);
        if (!m_measured->profileId.isEmpty()) {
            const int index = m_device->findData(m_measured->profileId);
            if (index >= 0)
                m_device->setCurrentIndex(index);
        }
        std::int64_t shots = 0;
        for (const auto& [bits, n] : m_measured->counts)
            shots += n;
        if (shots > 0)
            m_shots->setValue(int(std::min<std::int64_t>(shots, m_shots->maximum())));
    }
    if (m_document->hasCircuit())
        runNow(); // the new choices, and a run that knows its circuit is the measured one
    else if (m_last)
        plotHistogram(*m_last);
}

void ResultsPanel::showResult(const LiveSimResult& result)
{
    QElapsedTimer timer;
    timer.start();
    struct Stamp {
        QElapsedTimer& t;
        double& ms;
        ~Stamp() { ms = double(t.nsecsElapsed()) * 1e-6; }
    } stamp{timer, m_lastUpdateMs};
    m_last = result; // a summary: its size does not grow with 2^n (LiveSimulator::summarise)
    if (!result.error.isEmpty()) {
        m_status->setText(result.error);
        m_amplitudes->clear();
        m_qubits->setData({}, {}, false);
        m_spheres->setVectors({}, result.error);
        m_expectations->setExpectations({});
        plotHistogram(LiveSimResult{});
        emit updated();
        return;
    }
    QStringList parts;
    parts << tr("%1 qubits, %2 ms").arg(result.numQubits).arg(result.seconds * 1e3, 0, 'f', 1);
    if (!result.deviceId.isEmpty()) {
        if (!result.noiseError.isEmpty())
            parts << tr("noise: %1").arg(result.noiseError);
        else
            parts << tr("noise: %1").arg(result.noisyMethod);
        parts << (result.successProbability
                      ? tr("estimated success %1 %").arg(*result.successProbability * 100, 0, 'f', 1)
                      : tr("success probability unknown (%1)").arg(result.successNote));
    }
    if (result.shots > 0)
        parts << tr("%1 shots, seed %2").arg(result.shots).arg(result.seed);
    if (!result.note.isEmpty())
        parts << result.note;
    plotHistogram(result); // decides whether the measured counts are drawn
    if (m_measuredShown)
        parts << tr("measured: %1").arg(m_measured->description);
    else if (!m_measuredNote.isEmpty())
        parts << m_measuredNote;
    m_status->setText(parts.join(QStringLiteral(" \u00b7 ")));
    if (result.amplitudeRows.empty())
        m_amplitudes->clear();
    else
        m_amplitudes->setRows(result.amplitudeRows, result.numQubits);
    m_qubits->setData(result.marginals, result.bloch, result.overClassicalBits);
    m_spheres->setVectors(result.bloch, result.noisyBloch,
                          result.bloch.empty()
                              ? tr("No Bloch vectors: the circuit measures mid-circuit, resets or branches, so the "
                                   "views show the distribution over its classical bits.")
                              : QString());
    m_expectations->setExpectations(result.expectations);
    plotMarginals(result);
    emit updated();
}

void ResultsPanel::plotHistogram(const LiveSimResult& result)
{
    m_histogram->clearPlottables();
    m_labels.clear();
    const std::size_t states = std::size_t(result.numStates);
    const std::vector<quint64>& shown = result.shownStates;
    // Sampled frequencies of the shown states only (counts has at most `shots` keys).
    std::vector<double> sampled;
    if (result.shots > 0 && !result.counts.empty()) {
        sampled.assign(shown.size(), 0.0);
        for (const auto& [key, count] : result.counts) {
            quint64 index = 0;
            for (char ch : key)
                index = (index << 1) | (ch == '1' ? 1u : 0u);
            const auto it = std::lower_bound(shown.begin(), shown.end(), index);
            if (it != shown.end() && *it == index)
                sampled[std::size_t(it - shown.begin())] += double(count) / result.shots;
        }
    }
    // Measured counts of this very circuit (setMeasured), over the same outcomes.
    std::vector<double> measured;
    m_measuredShown = false;
    m_measuredNote.clear();
    if (m_measured && result.generation != 0 && result.generation == m_measuredGeneration && states > 0) {
        std::int64_t total = 0;
        int width = result.bits;
        for (const auto& [key, count] : m_measured->counts) {
            total += count;
            if (int(key.size()) != result.bits)
                width = int(key.size());
        }
        if (width != result.bits || total <= 0)
            m_measuredNote = tr("%1 not drawn: its outcomes have %2 bits, this view's %3")
                                 .arg(m_measured->label)
                                 .arg(width)
                                 .arg(result.bits);
        else if (!result.overClassicalBits && !m_measuredIdentity)
            m_measuredNote = tr("%1 not drawn: the circuit measures its qubits into other bits than their own").arg(m_measured->label);
        else {
            measured.assign(shown.size(), 0.0);
            for (const auto& [key, count] : m_measured->counts) {
                quint64 index = 0;
                for (char ch : key)
                    index = (index << 1) | (ch == '1' ? 1u : 0u);
                const auto it = std::lower_bound(shown.begin(), shown.end(), index);
                if (it != shown.end() && *it == index)
                    measured[std::size_t(it - shown.begin())] += double(count) / double(total);
            }
            m_measuredShown = true;
        }
    }
    const int series = 1 + (result.shownNoisy.empty() ? 0 : 1) + (sampled.empty() ? 0 : 1) + (measured.empty() ? 0 : 1);
    const double width = 0.8 / series;
    auto* group = new QCPBarsGroup(m_histogram);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(1);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys;
    double top = 0.05;
    for (std::size_t k = 0; k < shown.size(); ++k) {
        keys << double(k);
        m_labels << bitString(shown[k], result.bits);
        ticker->addTick(double(k), m_labels.back());
    }
    // `values` is indexed by position in `shown` (the worker's summary).
    auto addSeries = [&](const QString& name, const QColor& color, const std::vector<double>& values) {
        QCPBars* bars = makeBars(m_histogram, name, color);
        bars->setWidth(width);
        QVector<double> v;
        for (std::size_t k = 0; k < shown.size(); ++k) {
            const double value = k < values.size() ? values[k] : 0.0;
            v << value;
            top = std::max(top, value);
        }
        bars->setData(keys, v, true);
        bars->setBarsGroup(group);
    };
    if (states > 0) {
        addSeries(tr("Ideal"), kIdeal, result.shownIdeal);
        if (!result.shownNoisy.empty())
            addSeries(tr("Noisy (%1)").arg(result.deviceId), kNoisy, result.shownNoisy);
        if (!sampled.empty())
            addSeries(tr("Sampled"), kSampled, sampled);
        if (!measured.empty())
            addSeries(m_measured->label, kMeasured, measured);
    }
    m_histogram->legend->setVisible(states > 0);
    m_histogram->xAxis->setTicker(ticker);
    m_histogram->xAxis->setTickLabelRotation(result.bits > 3 && shown.size() > 8 ? 60 : 0);
    m_histogram->xAxis->setSubTicks(false);
    m_histogram->xAxis->setTickLength(0, 3);
    m_histogram->xAxis->setRange(-0.6, std::max<double>(shown.size(), 1) - 0.4);
    m_histogram->xAxis->setLabel(states == 0 ? QString()
                                 : states > shown.size()
                                     ? tr("top %1 of %2 outcomes (%3 0 rightmost)")
                                           .arg(shown.size())
                                           .arg(states)
                                           .arg(result.overClassicalBits ? tr("bit") : tr("qubit"))
                                     : tr("outcome (%1 0 rightmost)").arg(result.overClassicalBits ? tr("bit") : tr("qubit")));
    m_histogram->yAxis->setRange(0, std::min(1.05, top * 1.15));
    m_histogram->replot(QCustomPlot::rpQueuedReplot);
}

void ResultsPanel::plotMarginals(const LiveSimResult& result)
{
    m_marginals->clearPlottables();
    QCPBars* bars = makeBars(m_marginals, tr("P(1)"), kIdeal);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys, values;
    for (std::size_t b = 0; b < result.marginals.size(); ++b) {
        keys << double(b);
        values << result.marginals[b];
        ticker->addTick(double(b), (result.overClassicalBits ? QStringLiteral("c%1") : QStringLiteral("q%1")).arg(b));
    }
    bars->setData(keys, values, true);
    bars->setWidth(0.6);
    m_marginals->xAxis->setTicker(ticker);
    m_marginals->xAxis->setSubTicks(false);
    m_marginals->xAxis->setRange(-0.6, std::max<double>(double(result.marginals.size()), 1) - 0.4);
    m_marginals->yAxis->setRange(0, 1.05);
    m_marginals->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace qpilot
