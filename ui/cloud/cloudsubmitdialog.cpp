// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudsubmitdialog.cpp — CloudSubmitDialog (see cloudsubmitdialog.h). Workers: the
// preparation (prepareSubmission) and the submission (its own RunStore connection, transport and
// client via connectProvider, then JobTracker::submit).
#include "ui/cloud/cloudsubmitdialog.h"

#include "core/store/store.h"
#include "ui/cloud/cloudconnect.h"
#include "ui/cloud/clouddevicesview.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace qpilot {

using namespace qpilot::cloud;

namespace {

const char kBudgetKey[] = "cloud/budgetUsd";

QString usd(double v) { return QString::number(v, 'f', 2) + QStringLiteral(" USD"); }

} // namespace

CloudSubmitDialog::CloudSubmitDialog(QWidget* parent)
    : QDialog(parent), m_circuitLabel(new QLabel(this)), m_open(new QPushButton(tr("Open file…"), this)),
      m_preview(new QPlainTextEdit(this)), m_devices(new CloudDevicesView(this)), m_shots(new QSpinBox(this)),
      m_budget(new QDoubleSpinBox(this)), m_cost(new QLabel(this)), m_note(new QLabel(this)), m_over(new QLabel(this)),
      m_confirm(new QCheckBox(this)), m_status(new QLabel(this)), m_submit(new QPushButton(tr("Submit"), this)),
      m_close(new QPushButton(tr("Close"), this))
{
    setWindowTitle(tr("Submit to a cloud QPU"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFont(QStringLiteral("monospace")));
    m_preview->setMaximumHeight(110);
    m_devices->submitButton()->hide();
    m_shots->setRange(1, 1000000);
    m_shots->setValue(1000);
    m_shots->setGroupSeparatorShown(true);
    m_budget->setRange(-1, 1e7);
    m_budget->setDecimals(2);
    m_budget->setSingleStep(10);
    m_budget->setSuffix(tr(" USD"));
    m_budget->setSpecialValueText(tr("none"));
    m_budget->setToolTip(tr("Above this estimated cost (or when the cost is unknown) a submission must be confirmed. "
                            "Default: QPILOT_CLOUD_BUDGET."));
    for (QLabel* l : {m_cost, m_note, m_over, m_status, m_circuitLabel}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_over->setStyleSheet(QStringLiteral("color: #b03a2e; font-weight: bold;"));
    m_confirm->setText(tr("I confirm this submission above the budget"));
    m_submit->setDefault(true);

    auto* circuitBox = new QGroupBox(tr("Circuit"), this);
    auto* circuitLayout = new QVBoxLayout(circuitBox);
    auto* circuitRow = new QHBoxLayout;
    circuitRow->addWidget(m_circuitLabel, 1);
    circuitRow->addWidget(m_open);
    circuitLayout->addLayout(circuitRow);
    circuitLayout->addWidget(m_preview);

    auto* deviceBox = new QGroupBox(tr("Device"), this);
    auto* deviceLayout = new QVBoxLayout(deviceBox);
    deviceLayout->addWidget(m_devices);

    auto* runBox = new QGroupBox(tr("Run"), this);
    auto* form = new QFormLayout(runBox);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_shots->setMinimumWidth(160);
    m_budget->setMinimumWidth(160);
    for (QLabel* l : {m_cost, m_note})
        l->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    form->addRow(tr("Shots:"), m_shots);
    form->addRow(tr("Budget:"), m_budget);
    form->addRow(tr("Estimated cost:"), m_cost);
    form->addRow(tr("Preparation:"), m_note);
    form->addRow(m_over);
    form->addRow(m_confirm);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_submit);
    buttons->addWidget(m_close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(circuitBox);
    layout->addWidget(deviceBox, 1);
    layout->addWidget(runBox);
    layout->addLayout(buttons);

    // the budget: the saved setting, else QPILOT_CLOUD_BUDGET, else none
    const QVariant saved = QSettings().value(QLatin1String(kBudgetKey));
    std::optional<double> initial = budgetFromEnvironment();
    if (saved.isValid()) {
        bool ok = false;
        const double v = saved.toDouble(&ok);
        initial = ok && v >= 0 ? std::optional<double>(v) : std::nullopt;
    }
    m_budget->setValue(initial ? *initial : -1);

    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open circuit"), QString(),
                                                          tr("Circuits (*.qasm *.json *.qpilot);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_submit, &QPushButton::clicked, this, &CloudSubmitDialog::submit);
    connect(m_devices, &CloudDevicesView::selectedDeviceChanged, this, &CloudSubmitDialog::prepare);
    connect(m_shots, &QSpinBox::valueChanged, this, &CloudSubmitDialog::prepare);
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        QSettings s;
        if (v < 0)
            s.remove(QLatin1String(kBudgetKey));
        else
            s.setValue(QLatin1String(kBudgetKey), v);
        m_confirm->setChecked(false);
        updateState();
    });
    connect(m_confirm, &QCheckBox::toggled, this, &CloudSubmitDialog::updateState);
    m_circuitLabel->setText(tr("No circuit: open a file or use the current circuit."));
    updateState();
}

CloudSubmitDialog::~CloudSubmitDialog()
{
    if (m_prepWatcher)
        m_prepWatcher->waitForFinished();
    if (m_submitWatcher)
        m_submitWatcher->waitForFinished();
}

QString CloudSubmitDialog::databasePath() const
{
    return m_databasePath.isEmpty() ? QString::fromStdString(store::defaultDatabasePath()) : m_databasePath;
}
void CloudSubmitDialog::setDatabasePath(const QString& path) { m_databasePath = path; }

std::optional<double> CloudSubmitDialog::budget() const
{
    return m_budget->value() < 0 ? std::nullopt : std::optional<double>(m_budget->value());
}
void CloudSubmitDialog::setBudget(std::optional<double> usd) { m_budget->setValue(usd ? *usd : -1); }
void CloudSubmitDialog::setShots(int shots) { m_shots->setValue(shots); }

QString CloudSubmitDialog::circuitText() const { return m_circuitLabel->text(); }
QString CloudSubmitDialog::costText() const { return m_cost->text(); }
QString CloudSubmitDialog::noteText() const { return m_note->text(); }
QString CloudSubmitDialog::statusText() const { return m_status->text(); }

void CloudSubmitDialog::setCircuit(const QString& qasm, const QString& displayName)
{
    Result<SubmissionCircuit> c = submissionCircuitFromText(qasm.toStdString(), displayName.toStdString());
    m_preview->setPlainText(qasm);
    m_circuitName = displayName;
    if (!c) {
        m_circuit.reset();
        m_circuitLabel->setText(tr("<b>%1</b>: cannot read it — %2")
                                    .arg(displayName.toHtmlEscaped(), QString::fromStdString(c.error().toString()).toHtmlEscaped()));
    } else {
        m_circuit = c.value();
        m_circuitLabel->setText(tr("<b>%1</b> — %2 qubit(s), %3 operation(s)")
                                    .arg(displayName.toHtmlEscaped())
                                    .arg(c->circuit.numQubits())
                                    .arg(c->circuit.ops.size()));
    }
    prepare();
}

bool CloudSubmitDialog::openFile(const QString& path)
{
    Result<SubmissionCircuit> c = loadSubmissionCircuit(path);
    const QString name = QFileInfo(path).fileName();
    m_circuitName = name;
    if (!c) {
        m_circuit.reset();
        m_preview->clear();
        m_circuitLabel->setText(
            tr("<b>%1</b>: cannot read it — %2").arg(name.toHtmlEscaped(), QString::fromStdString(c.error().toString()).toHtmlEscaped()));
        prepare();
        return false;
    }
    m_circuit = c.value();
    m_preview->setPlainText(QString::fromStdString(c->qasm));
    m_circuitLabel->setText(tr("<b>%1</b> — %2 qubit(s), %3 operation(s)")
                                .arg(name.toHtmlEscaped())
                                .arg(c->circuit.numQubits())
                                .arg(c->circuit.ops.size()));
    prepare();
    return true;
}

void CloudSubmitDialog::prepare()
{
    const std::optional<CloudDevice> device = m_devices->selectedDevice();
    // an auto-refresh re-selecting the same device changes nothing (and keeps the confirmation)
    if (m_prepared && !isPreparing() && device && m_circuit && m_prepared->deviceId == device->id && m_prepared->provider == device->provider
        && m_prepared->shots == m_shots->value() && m_prepared->qasm == m_circuit->qasm)
        return;
    m_prepared.reset();
    m_prepError.clear();
    m_confirm->setChecked(false);
    if (!m_circuit || !device) {
        updateState();
        return;
    }
    if (m_prepWatcher) {
        m_prepAgain = true; // prepFinished() starts over with the new inputs
        return;
    }
    const SubmissionCircuit circuit = *m_circuit;
    const Provider provider = device->provider;
    const std::string id = device->id;
    const int shots = m_shots->value();
    m_prepWatcher = new QFutureWatcher<Prep>(this);
    connect(m_prepWatcher, &QFutureWatcher<Prep>::finished, this, &CloudSubmitDialog::prepFinished);
    m_prepWatcher->setFuture(QtConcurrent::run([=] {
        Prep p;
        p.prepared = prepareSubmission(provider, id, circuit, shots);
        return p;
    }));
    updateState();
}

void CloudSubmitDialog::prepFinished()
{
    Prep p = m_prepWatcher->result();
    m_prepWatcher->deleteLater();
    m_prepWatcher = nullptr;
    if (m_prepAgain) {
        m_prepAgain = false;
        prepare();
        return;
    }
    if (p.prepared)
        m_prepared = p.prepared.value();
    else
        m_prepError = QString::fromStdString(p.prepared.error().message);
    updateState();
    emit preparationFinished(m_prepError);
}

bool CloudSubmitDialog::budgetExceeded() const
{
    return m_prepared && budget() && cloud::budgetExceeded(m_prepared->estimate, *budget()).has_value();
}

void CloudSubmitDialog::updateState()
{
    const std::optional<CloudDevice> device = m_devices->selectedDevice();
    if (isPreparing()) {
        m_cost->setText(tr("estimating…"));
        m_note->setText(tr("transpiling for %1…").arg(device ? QString::fromStdString(device->id) : QString()));
    } else if (m_prepared) {
        if (const auto& e = m_prepared->estimate)
            m_cost->setText(tr("<b>%1</b> (%2, plan %3; prices of %4 %5)")
                                .arg(usd(e->usd), QString::fromStdString(e->priceKey).toHtmlEscaped(),
                                     QString::fromStdString(e->plan).toHtmlEscaped(), QString::fromStdString(e->date).toHtmlEscaped(),
                                     QString::fromStdString(e->source).toHtmlEscaped()));
        else
            m_cost->setText(tr("<b>unknown</b> — no Qpilot price for this device; confirm before spending"));
        QString note = QString::fromStdString(m_prepared->note);
        if (device && !device->available)
            note += tr(". The device reports “%1”: the job may wait or be refused.").arg(QString::fromStdString(device->status));
        m_note->setText(note);
    } else if (!m_prepError.isEmpty()) {
        m_cost->setText(tr("unknown"));
        m_note->setText(tr("Error: %1").arg(m_prepError));
    } else {
        m_cost->setText(tr("–"));
        m_note->setText(!m_circuit ? tr("choose a circuit") : tr("choose a device in the list above"));
    }
    const bool over = budgetExceeded();
    if (over) {
        const std::string msg = *cloud::budgetExceeded(m_prepared->estimate, *budget());
        m_over->setText(tr("Above the budget: %1.").arg(QString::fromStdString(msg)));
    }
    m_over->setVisible(over);
    m_confirm->setVisible(over);
    m_submit->setEnabled(m_prepared && !isPreparing() && !isSubmitting() && (!over || m_confirm->isChecked()));
    m_shots->setEnabled(!isSubmitting());
    m_open->setEnabled(!isSubmitting());
    m_devices->setEnabled(!isSubmitting());
}

void CloudSubmitDialog::submit()
{
    if (!m_prepared || isPreparing() || isSubmitting())
        return;
    if (budgetExceeded() && !m_confirm->isChecked()) {
        m_status->setText(tr("Confirm the submission above the budget first."));
        return;
    }
    const PreparedSubmission prepared = *m_prepared;
    const std::string db = databasePath().toStdString();
    const std::string name = m_circuitName.toStdString();
    const Endpoints endpoints = cloudui::endpointsInUse(prepared.provider).endpoints; // settings: GUI thread only
    m_submitWatcher = new QFutureWatcher<Sent>(this);
    connect(m_submitWatcher, &QFutureWatcher<Sent>::finished, this, &CloudSubmitDialog::submitDone);
    m_submitWatcher->setFuture(QtConcurrent::run([=] {
        Sent s;
        auto opened = store::RunStore::open(db);
        if (!opened) {
            s.job = opened.error();
            return s;
        }
        HttpTransport http;
        auto client = cloudui::connectProvider(prepared.provider, endpoints, http);
        if (!client) {
            s.job = client.error();
            return s;
        }
        JobTracker tracker(*opened.value(), *client.value());
        s.job = tracker.submit(prepared.submission({{"source", "qpilot-gui"}, {"circuit", name}}));
        return s;
    }));
    m_status->setText(tr("Submitting to %1…").arg(QString::fromStdString(prepared.deviceId)));
    updateState();
}

void CloudSubmitDialog::submitDone()
{
    Sent s = m_submitWatcher->result();
    m_submitWatcher->deleteLater();
    m_submitWatcher = nullptr;
    updateState();
    if (!s.job) {
        const QString error = QString::fromStdString(s.job.error().message);
        m_status->setText(tr("Error: %1").arg(error));
        emit submitFinished(error);
        return;
    }
    const CloudJob& j = s.job.value();
    m_status->setText(tr("Job %1 submitted (%2 job %3).")
                          .arg(j.id)
                          .arg(QString::fromStdString(j.provider), QString::fromStdString(j.providerJobId)));
    emit submitted(j.id);
    emit submitFinished(QString());
    accept();
}

} // namespace qpilot
