// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/piloteditor_pages.cpp — the pages of PilotEditor: which field of the Pilot each
// widget shows, how text is parsed back (with a message when it does not parse), and the
// choices offered (shipped datasets and generators, the encoding catalog, device profiles,
// price plans).
#include "ui/pilot/piloteditor.h"

#include "core/cost/cost.h"
#include "core/mitigation/mitigation.h"
#include "core/ml/ml.h"
#include "ui/devices/deviceprofilesmodel.h"
#include "ui/pilot/datasetpreviewmodel.h"
#include "ui/report/reportcharts.h"
#include "ui/report/reportstyle.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

namespace qpilot {

namespace {

QString s(const std::string& v) { return QString::fromStdString(v); }
std::string str(const QString& v) { return v.toStdString(); }

QString joinList(const std::vector<std::string>& items)
{
    QStringList out;
    for (const std::string& i : items)
        out.append(s(i));
    return out.join(QStringLiteral(", "));
}

std::vector<std::string> splitList(const QString& text)
{
    std::vector<std::string> out;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out.push_back(str(part.trimmed()));
    return out;
}

QString number(double v) { return QString::number(v, 'g', 12); }

} // namespace

void PilotEditor::buildOverview()
{
    addPage(tr("Overview"), tr("What the pilot is called and the question it answers for the business."));
    QFormLayout* form = addGroup(tr("Pilot"));
    addText(form, tr("Name (id)"), QStringLiteral("name"), [](const pilot::Pilot& p) { return s(p.name); },
            [](pilot::Pilot& p, const QString& v) -> std::optional<QString> { p.name = str(v); return std::nullopt; },
            tr("short id, e.g. breast-cancer-kernel"));
    addText(form, tr("Title"), QStringLiteral("title"), [](const pilot::Pilot& p) { return s(p.title); },
            [](pilot::Pilot& p, const QString& v) -> std::optional<QString> { p.title = str(v); return std::nullopt; },
            tr("one line for the report cover"));
    auto* description = new QPlainTextEdit;
    description->setMinimumHeight(160);
    Field& f = addField(QStringLiteral("description"), description, [this, description] {
        const QString v = s(m_pilot.description);
        if (description->toPlainText() != v)
            description->setPlainText(v);
    });
    QWidget* w = wrap(description, f.path);
    f.message = w->findChild<QLabel*>(QStringLiteral("message:description"));
    form->addRow(tr("Story"), w);
    connect(description, &QPlainTextEdit::textChanged, this, [this, description] {
        if (!m_loading)
            edit(QStringLiteral("description"), [&](pilot::Pilot& p) { p.description = str(description->toPlainText()); }, true);
    });
}

void PilotEditor::buildDataset()
{
    addPage(tr("Dataset"), tr("The data the quantum model and the classical baselines share. Shipped datasets, "
                              "seeded generators or a CSV file (its path is kept relative to the pilot file)."));
    QFormLayout* form = addGroup(tr("Source"));
    std::vector<std::pair<QString, QString>> sources;
    for (const ml::BuiltinDatasetInfo& d : ml::builtinDatasets())
        sources.push_back({tr("%1 (shipped: %2 rows, %3 features)").arg(s(d.title)).arg(d.rows).arg(d.features),
                           QStringLiteral("builtin:") + s(d.name)});
    for (const ml::GeneratorInfo& g : ml::generators())
        sources.push_back({tr("%1 (generated, seeded)").arg(s(g.name)), s(g.name)});
    QComboBox* source = addChoice(form, tr("Dataset"), QStringLiteral("dataset.source"), sources,
                                  [](const pilot::Pilot& p) { return s(p.dataset.source); },
                                  [](pilot::Pilot& p, const QString& v) { p.dataset.source = str(v); });
    source->setMaximumWidth(520);
    auto* csvButton = new QPushButton(tr("CSV file…"));
    csvButton->setObjectName(QStringLiteral("datasetCsvButton"));
    form->addRow(QString(), csvButton);
    connect(csvButton, &QPushButton::clicked, this, [this] {
        const QString dir = s(m_pilot.baseDirectory);
        const QString file = QFileDialog::getOpenFileName(this, tr("Dataset CSV file"), dir, tr("CSV files (*.csv);;All files (*)"));
        if (file.isEmpty())
            return;
        const QString rel = dir.isEmpty() ? file : QDir(dir).relativeFilePath(file);
        const QString spec = rel.startsWith(QLatin1String("..")) ? file : rel;
        edit(QStringLiteral("dataset.source"), [&](pilot::Pilot& p) {
            p.dataset.source = str(spec);
            p.dataset.labelColumn.clear();
        }, false);
    });
    addText(form, tr("Label column"), QStringLiteral("dataset.label_column"),
            [](const pilot::Pilot& p) { return s(p.dataset.labelColumn); },
            [](pilot::Pilot& p, const QString& v) -> std::optional<QString> { p.dataset.labelColumn = str(v.trimmed()); return std::nullopt; },
            tr("CSV only: header name or 1-based index; empty = last column"));
    addText(form, tr("Ignored columns"), QStringLiteral("dataset.ignore_columns"),
            [](const pilot::Pilot& p) { return joinList(p.dataset.ignoreColumns); },
            [](pilot::Pilot& p, const QString& v) -> std::optional<QString> { p.dataset.ignoreColumns = splitList(v); return std::nullopt; },
            tr("CSV only: columns left out of the features, e.g. id, name"));
    addChoice(form, tr("Missing values"), QStringLiteral("dataset.impute"),
              {{tr("none (a missing value is an error)"), QStringLiteral("none")}, {tr("mean of the column"), QStringLiteral("mean")},
               {tr("median of the column"), QStringLiteral("median")}, {tr("drop the row"), QStringLiteral("drop")}},
              [](const pilot::Pilot& p) { return s(p.dataset.impute); },
              [](pilot::Pilot& p, const QString& v) { p.dataset.impute = str(v); });
    addText(form, tr("Classes"), QStringLiteral("dataset.classes"),
            [](const pilot::Pilot& p) {
                QStringList out;
                for (int c : p.dataset.classes)
                    out.append(QString::number(c));
                return out.join(QStringLiteral(", "));
            },
            [](pilot::Pilot& p, const QString& v) -> std::optional<QString> {
                std::vector<int> classes;
                for (const QString& part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    bool ok = false;
                    const int c = part.trimmed().toInt(&ok);
                    if (!ok)
                        return QStringLiteral("'%1' is not a class number (e.g. 1, 2)").arg(part.trimmed());
                    classes.push_back(c);
                }
                p.dataset.classes = classes;
                return std::nullopt;
            },
            tr("keep only these classes, e.g. 1, 2; empty = all"));
    addText(form, tr("Fingerprint"), QStringLiteral("dataset.fingerprint"),
            [](const pilot::Pilot& p) { return s(p.dataset.fingerprint); },
            [](pilot::Pilot& p, const QString& v) -> std::optional<QString> { p.dataset.fingerprint = str(v.trimmed()); return std::nullopt; },
            tr("expected SHA-256 of the data (empty = not checked)"));

    QVBoxLayout* page = m_pageLayouts.back();
    auto* previewBox = new QGroupBox(tr("Preview (first rows; a CSV file's role row is editable: label, feature or ignored)"));
    auto* pv = new QVBoxLayout(previewBox);
    m_datasetInfo = new QLabel(previewBox);
    m_datasetInfo->setObjectName(QStringLiteral("datasetInfo"));
    m_datasetInfo->setWordWrap(true);
    auto* table = new QTableView(previewBox);
    table->setObjectName(QStringLiteral("datasetPreview"));
    table->setModel(m_datasetModel);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setMinimumHeight(260);
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    pv->addWidget(m_datasetInfo);
    pv->addWidget(table);
    page->addWidget(previewBox);
    connect(m_datasetModel, &DatasetPreviewModel::labelColumnRequested, this, [this](int, const QString& spec) {
        edit(QStringLiteral("dataset.label_column"), [&](pilot::Pilot& p) {
            p.dataset.labelColumn = str(spec);
            auto& ignored = p.dataset.ignoreColumns; // the label cannot also be ignored
            ignored.erase(std::remove(ignored.begin(), ignored.end(), str(spec)), ignored.end());
        }, false);
    });
    connect(m_datasetModel, &DatasetPreviewModel::ignoreColumnRequested, this, [this](int, const QString& spec, bool ignore) {
        edit(QStringLiteral("dataset.ignore_columns"), [&](pilot::Pilot& p) {
            auto& ignored = p.dataset.ignoreColumns;
            ignored.erase(std::remove(ignored.begin(), ignored.end(), str(spec)), ignored.end());
            if (ignore)
                ignored.push_back(str(spec));
        }, false);
    });

    QFormLayout* pre = addGroup(tr("Preprocessing"));
    addDouble(pre, tr("Test fraction"), QStringLiteral("preprocessing.test_fraction"), 0, 1, 3,
              [](const pilot::Pilot& p) { return p.preprocessing.testFraction; },
              [](pilot::Pilot& p, double v) { p.preprocessing.testFraction = v; });
    addInt(pre, tr("PCA components"), QStringLiteral("preprocessing.pca"), -1, 4096,
           [](const pilot::Pilot& p) { return p.preprocessing.pca; }, [](pilot::Pilot& p, int v) { p.preprocessing.pca = v; },
           QString(), tr("none (0)"));
    addCheck(pre, tr("Standardise features (zero mean, unit variance) before PCA and encoding"),
             QStringLiteral("preprocessing.standardize"), [](const pilot::Pilot& p) { return p.preprocessing.standardize; },
             [](pilot::Pilot& p, bool v) { p.preprocessing.standardize = v; });
}

void PilotEditor::buildEncoding()
{
    addPage(tr("Encoding"), tr("How a sample becomes a circuit. The preview is the feature map's closed-form resource "
                               "count (core/encoding) for this pilot's feature count, before transpiling to a device."));
    QFormLayout* form = addGroup(tr("Encoding and ansatz"));
    std::vector<std::pair<QString, QString>> encodings, ansaetze{{tr("model default"), QString()}};
    for (const encoding::CatalogEntry& e : encoding::catalog()) {
        QString summary = s(e.description).section(QStringLiteral(": "), 0, 0);
        if (summary.size() > 56)
            summary = summary.left(54) + QStringLiteral("…");
        (e.ansatz ? ansaetze : encodings).push_back({s(e.name) + QStringLiteral(" — ") + summary, s(e.name)});
    }
    QComboBox* enc = addChoice(form, tr("Encoding"), QStringLiteral("circuit.encoding"), encodings,
                               [](const pilot::Pilot& p) { return s(p.circuit.encoding); },
                               [](pilot::Pilot& p, const QString& v) { p.circuit.encoding = str(v); });
    enc->setMaximumWidth(560);
    for (const encoding::CatalogEntry& e : encoding::catalog())
        if (const int i = enc->findData(s(e.name)); i >= 0)
            enc->setItemData(i, s(e.description) + QStringLiteral("\nqubits ") + s(e.qubitsFormula) + QStringLiteral(", two-qubit gates ")
                                    + s(e.twoQubitFormula),
                             Qt::ToolTipRole);
    addInt(form, tr("Repetitions"), QStringLiteral("circuit.reps"), -1, 1000, [](const pilot::Pilot& p) { return p.circuit.reps; },
           [](pilot::Pilot& p, int v) { p.circuit.reps = v; }, QString(), tr("model default (-1)"));
    addChoice(form, tr("Ansatz (vqc)"), QStringLiteral("circuit.ansatz"), ansaetze,
              [](const pilot::Pilot& p) { return s(p.circuit.ansatz); },
              [](pilot::Pilot& p, const QString& v) { p.circuit.ansatz = str(v); });
    auto* qasm = new QPlainTextEdit;
    qasm->setPlaceholderText(tr("Optional OpenQASM 2/3 circuit replacing the encoding; its free parameters are x_0..x_{n-1}"));
    qasm->setMaximumHeight(90);
    Field& f = addField(QStringLiteral("circuit.custom_qasm"), qasm, [this, qasm] {
        const QString v = s(m_pilot.circuit.customQasm);
        if (qasm->toPlainText() != v)
            qasm->setPlainText(v);
    });
    QWidget* w = wrap(qasm, f.path);
    f.message = w->findChild<QLabel*>(QStringLiteral("message:circuit.custom_qasm"));
    form->addRow(tr("Custom circuit"), w);
    connect(qasm, &QPlainTextEdit::textChanged, this, [this, qasm] {
        if (!m_loading)
            edit(QStringLiteral("circuit.custom_qasm"), [&](pilot::Pilot& p) { p.circuit.customQasm = str(qasm->toPlainText()); }, true);
    });

    QVBoxLayout* page = m_pageLayouts.back();
    auto* box = new QGroupBox(tr("Resource preview"));
    auto* v = new QVBoxLayout(box);
    auto* tiles = new QHBoxLayout;
    auto tile = [&](const QString& caption, const QString& name) {
        auto* frame = new QFrame(box);
        frame->setFrameShape(QFrame::StyledPanel);
        auto* fl = new QVBoxLayout(frame);
        auto* value = new QLabel(QStringLiteral("—"), frame);
        value->setObjectName(name);
        QFont vf = value->font();
        vf.setPointSizeF(vf.pointSizeF() * 1.8);
        vf.setBold(true);
        value->setFont(vf);
        value->setProperty("previewValue", true); // in the chart titles' colour (styleTiles below)
        auto* cap = new QLabel(caption, frame);
        cap->setForegroundRole(QPalette::PlaceholderText);
        fl->addWidget(value);
        fl->addWidget(cap);
        tiles->addWidget(frame);
        return value;
    };
    m_previewQubits = tile(tr("qubits"), QStringLiteral("preview.qubits"));
    m_previewTwoQubit = tile(tr("two-qubit gates"), QStringLiteral("preview.twoQubitGates"));
    m_previewDepth = tile(tr("depth"), QStringLiteral("preview.depth"));
    v->addLayout(tiles);
    m_previewDetail = new QLabel(box);
    m_previewDetail->setObjectName(QStringLiteral("preview.detail"));
    m_previewDetail->setWordWrap(true);
    v->addWidget(m_previewDetail);
    m_curve = new QCustomPlot(box);
    m_curve->setObjectName(QStringLiteral("preview.curve"));
    m_curve->setMinimumHeight(260);
    m_curve->xAxis->setLabel(tr("features"));
    m_curve->yAxis->setLabel(tr("count (logical circuit, log scale)"));
    QSharedPointer<QCPAxisTickerFixed> integers(new QCPAxisTickerFixed);
    integers->setTickStep(1);
    integers->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_curve->xAxis->setTicker(integers);
    m_curve->yAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> logTicker(new QCPAxisTickerLog);
    m_curve->yAxis->setTicker(logTicker);
    m_curve->yAxis->setNumberFormat(QStringLiteral("gb"));
    m_curve->yAxis->setNumberPrecision(0);
    m_curve->legend->setVisible(true);
    m_curve->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_curve->plotLayout()->insertRow(0);
    m_curve->plotLayout()->addElement(0, 0, new QCPTextElement(m_curve, tr("Encoding cost vs features"), QFont(font().family(), font().pointSize(), QFont::Bold)));
    // colours from the palette, now and whenever the theme changes (the curve is redrawn in them)
    const auto styleTiles = [this, box] {
        const QString title = ui::report::chartTheme(palette()).title.name();
        for (QLabel* l : box->findChildren<QLabel*>())
            if (l->property("previewValue").toBool())
                l->setStyleSheet(QStringLiteral("color: %1;").arg(title));
    };
    styleTiles();
    ui::report::followPalette(m_curve, [this, styleTiles] {
        styleTiles();
        refreshPreview();
    });
    v->addWidget(m_curve);
    page->addWidget(box);
}

void PilotEditor::buildModel()
{
    addPage(tr("Model"), tr("The quantum model and the tuned classical baselines it is judged against."));
    QFormLayout* form = addGroup(tr("Quantum model"));
    addChoice(form, tr("Model"), QStringLiteral("model.kind"),
              {{tr("quantum-kernel SVM (kernel)"), QStringLiteral("kernel")}, {tr("variational classifier (vqc)"), QStringLiteral("vqc")}},
              [](const pilot::Pilot& p) { return s(p.model.kind); }, [](pilot::Pilot& p, const QString& v) { p.model.kind = str(v); });
    addChoice(form, tr("Optimiser (vqc)"), QStringLiteral("model.optimizer"),
              {{QStringLiteral("Adam"), QStringLiteral("adam")}, {QStringLiteral("SPSA"), QStringLiteral("spsa")},
               {QStringLiteral("COBYLA"), QStringLiteral("cobyla")}},
              [](const pilot::Pilot& p) { return s(p.model.optimizer); },
              [](pilot::Pilot& p, const QString& v) { p.model.optimizer = str(v); });
    addInt(form, tr("Epochs (vqc)"), QStringLiteral("model.epochs"), 0, 1000000, [](const pilot::Pilot& p) { return p.model.epochs; },
           [](pilot::Pilot& p, int v) { p.model.epochs = v; });
    addDouble(form, tr("Learning rate (vqc)"), QStringLiteral("model.learning_rate"), 0, 100, 4,
              [](const pilot::Pilot& p) { return p.model.learningRate; }, [](pilot::Pilot& p, double v) { p.model.learningRate = v; });
    QFormLayout* base = addGroup(tr("Classical baselines"));
    auto* holder = new QWidget;
    auto* h = new QHBoxLayout(holder);
    h->setContentsMargins(0, 0, 0, 0);
    std::vector<std::pair<QCheckBox*, std::string>> boxes;
    for (const char* name : {"logistic", "svm", "mlp"}) {
        auto* b = new QCheckBox(QString::fromLatin1(name), holder);
        b->setObjectName(QStringLiteral("baseline:") + QString::fromLatin1(name));
        h->addWidget(b);
        boxes.push_back({b, name});
    }
    h->addStretch(1);
    Field& f = addField(QStringLiteral("model.baselines"), holder, [this, boxes] {
        for (const auto& [b, name] : boxes) {
            const bool on = std::find(m_pilot.model.baselines.begin(), m_pilot.model.baselines.end(), name) != m_pilot.model.baselines.end();
            if (b->isChecked() != on)
                b->setChecked(on);
        }
    });
    QWidget* w = wrap(holder, f.path);
    f.message = w->findChild<QLabel*>(QStringLiteral("message:model.baselines"));
    base->addRow(tr("Baselines"), w);
    for (const auto& [b, name] : boxes)
        connect(b, &QCheckBox::toggled, this, [this, n = name](bool on) {
            if (m_loading)
                return;
            edit(QStringLiteral("model.baselines"), [&](pilot::Pilot& p) {
                auto& list = p.model.baselines;
                list.erase(std::remove(list.begin(), list.end(), n), list.end());
                if (on) { // keep the canonical order logistic, svm, mlp
                    std::vector<std::string> ordered;
                    for (const char* k : {"logistic", "svm", "mlp"})
                        if (k == n || std::find(list.begin(), list.end(), k) != list.end())
                            ordered.push_back(k);
                    list = ordered;
                }
            }, false);
        });
    addInt(base, tr("Cross-validation folds"), QStringLiteral("model.folds"), 0, 100, [](const pilot::Pilot& p) { return p.model.folds; },
           [](pilot::Pilot& p, int v) { p.model.folds = v; });
}

void PilotEditor::buildDevices()
{
    addPage(tr("Devices"), tr("The devices to compare (at most 8). Figures are the profiles' medians; hover one for its "
                              "source. \"not published\" means the provider does not publish it."));
    QVBoxLayout* page = m_pageLayouts.back();
    m_devicesView = new QTableView;
    m_devicesView->setModel(m_devicesModel);
    m_devicesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_devicesView->verticalHeader()->hide();
    m_devicesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_devicesView->horizontalHeader()->setStretchLastSection(true);
    m_devicesView->setColumnHidden(DeviceProfilesModel::Source, true);
    m_devicesView->setMinimumHeight(420);
    Field& f = addField(QStringLiteral("devices"), m_devicesView, [] {});
    QWidget* w = wrap(m_devicesView, f.path);
    f.message = w->findChild<QLabel*>(QStringLiteral("message:devices"));
    m_devicesSummary = new QLabel;
    m_devicesSummary->setObjectName(QStringLiteral("devicesSummary"));
    m_devicesSummary->setWordWrap(true);
    page->addWidget(m_devicesSummary);
    page->addWidget(w, 1);
    connect(m_devicesModel, &DeviceProfilesModel::checkedIdsEdited, this, [this](const QStringList& ids) {
        edit(QStringLiteral("devices"), [&](pilot::Pilot& p) {
            p.devices.clear();
            for (const QString& id : ids)
                p.devices.push_back(str(id));
        }, false);
    });
    connect(this, &PilotEditor::pilotEdited, this, [this] {
        m_devicesSummary->setText(m_pilot.devices.empty() ? tr("No device chosen.")
                                                          : tr("Chosen, in order: %1").arg(joinList(m_pilot.devices)));
    });
}

void PilotEditor::buildExecution()
{
    addPage(tr("Execution"), tr("Error mitigation, shots and seeds. Every random draw of a run derives from the seed."));
    QFormLayout* form = addGroup(tr("Mitigation and shots"));
    addText(form, tr("Mitigation plan"), QStringLiteral("mitigation"), [](const pilot::Pilot& p) { return s(p.mitigation); },
            [](pilot::Pilot& p, const QString& v) -> std::optional<QString> { p.mitigation = str(v.trimmed()); return std::nullopt; },
            tr("none, or a list of rem, zne, pec, twirl, dd (e.g. rem,zne)"));
    m_mitigationText = new QLabel;
    m_mitigationText->setObjectName(QStringLiteral("mitigationDescription"));
    m_mitigationText->setWordWrap(true);
    m_mitigationText->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_mitigationText);
    connect(this, &PilotEditor::pilotEdited, this, [this] {
        auto plan = mitigation::parsePlan(m_pilot.mitigation);
        m_mitigationText->setText(plan ? s(mitigation::describePlan(*plan)) : QString());
    });
    addInt(form, tr("Shots per circuit"), QStringLiteral("shots"), 0, 2000000000, [](const pilot::Pilot& p) { return p.shots; },
           [](pilot::Pilot& p, int v) { p.shots = v; });
    QFormLayout* seeds = addGroup(tr("Seeds"));
    addText(seeds, tr("Seed"), QStringLiteral("seed"), [](const pilot::Pilot& p) { return QString::number(p.seed); },
            [](pilot::Pilot& p, const QString& v) -> std::optional<QString> {
                bool ok = false;
                const qulonglong seed = v.trimmed().toULongLong(&ok);
                if (!ok)
                    return QStringLiteral("'%1' is not a seed: a whole number 0..18446744073709551615").arg(v.trimmed());
                p.seed = seed;
                return std::nullopt;
            });
    addInt(seeds, tr("Reproducibility seeds"), QStringLiteral("reproducibility_seeds"), 0, 1000,
           [](const pilot::Pilot& p) { return p.reproducibilitySeeds; }, [](pilot::Pilot& p, int v) { p.reproducibilitySeeds = v; },
           tr(" runs"));
}

void PilotEditor::buildObjectives()
{
    addPage(tr("Objectives"), tr("The service-level objectives the scorecard checks the pilot against."));
    QFormLayout* form = addGroup(tr("Service-level objectives"));
    addDouble(form, tr("Max latency per inference"), QStringLiteral("objectives.max_latency_s"), 0, 1e7, 3,
              [](const pilot::Pilot& p) { return p.objectives.maxLatencySeconds; },
              [](pilot::Pilot& p, double v) { p.objectives.maxLatencySeconds = v; }, tr(" s"));
    addDouble(form, tr("Max cost per 1000 inferences"), QStringLiteral("objectives.max_cost_per_1k_usd"), 0, 1e9, 2,
              [](const pilot::Pilot& p) { return p.objectives.maxCostPer1kUsd; },
              [](pilot::Pilot& p, double v) { p.objectives.maxCostPer1kUsd = v; }, tr(" USD"));
    addDouble(form, tr("Min accuracy vs best baseline"), QStringLiteral("objectives.min_accuracy_delta"), -2, 2, 3,
              [](const pilot::Pilot& p) { return p.objectives.minAccuracyDelta; },
              [](pilot::Pilot& p, double v) { p.objectives.minAccuracyDelta = v; });
    addDouble(form, tr("Reproducibility tolerance"), QStringLiteral("objectives.reproducibility_tolerance"), -1, 2, 3,
              [](const pilot::Pilot& p) { return p.objectives.reproducibilityTolerance; },
              [](pilot::Pilot& p, double v) { p.objectives.reproducibilityTolerance = v; });
    auto int64Field = [this, form](const QString& label, const QString& path, std::int64_t pilot::Objectives::*member) {
        addText(form, label, path, [member](const pilot::Pilot& p) { return QString::number(p.objectives.*member); },
                [member](pilot::Pilot& p, const QString& v) -> std::optional<QString> {
                    bool ok = false;
                    const qlonglong n = QString(v).remove(QLatin1Char(',')).remove(QLatin1Char(' ')).toLongLong(&ok);
                    if (!ok)
                        return QStringLiteral("'%1' is not a whole number").arg(v.trimmed());
                    p.objectives.*member = n;
                    return std::nullopt;
                });
    };
    int64Field(tr("Production rows"), QStringLiteral("objectives.production_rows"), &pilot::Objectives::productionRows);
    int64Field(tr("Inferences per month"), QStringLiteral("objectives.inferences_per_month"), &pilot::Objectives::inferencesPerMonth);
}

void PilotEditor::buildCost()
{
    addPage(tr("Cost"), tr("Assumptions of the cost and latency model. Prices come from the dated price tables "
                           "(see the price editor); extra price files override rows by key and plan."));
    QFormLayout* form = addGroup(tr("Quantum"));
    std::set<std::string> plans;
    for (const cost::PriceRow& r : cost::builtinPrices().rows)
        plans.insert(r.plan);
    std::vector<std::pair<QString, QString>> planItems{{tr("each device's default plan"), QString()}};
    for (const std::string& p : plans)
        planItems.push_back({s(p), s(p)});
    addChoice(form, tr("Price plan"), QStringLiteral("cost.plan"), planItems, [](const pilot::Pilot& p) { return s(p.cost.plan); },
              [](pilot::Pilot& p, const QString& v) { p.cost.plan = str(v); });
    addText(form, tr("Queue time"), QStringLiteral("cost.queue_s"),
            [](const pilot::Pilot& p) { return p.cost.queueSeconds ? number(*p.cost.queueSeconds) : QString(); },
            [](pilot::Pilot& p, const QString& v) -> std::optional<QString> {
                if (v.trimmed().isEmpty()) {
                    p.cost.queueSeconds.reset();
                    return std::nullopt;
                }
                bool ok = false;
                const double q = v.trimmed().toDouble(&ok);
                if (!ok)
                    return QStringLiteral("'%1' is not a time in seconds (empty = the provider's assumption)").arg(v.trimmed());
                p.cost.queueSeconds = q;
                return std::nullopt;
            },
            tr("seconds; empty = the provider's published assumption"));
    addText(form, tr("Extra price files"), QStringLiteral("cost.price_files"),
            [](const pilot::Pilot& p) { return joinList(p.cost.priceFiles); },
            [](pilot::Pilot& p, const QString& v) -> std::optional<QString> { p.cost.priceFiles = splitList(v); return std::nullopt; },
            tr("comma-separated, relative to the pilot file"));
    QFormLayout* classical = addGroup(tr("Classical baseline serving"));
    addText(classical, tr("Instance"), QStringLiteral("cost.classical_instance"),
            [](const pilot::Pilot& p) { return s(p.cost.classicalInstance); },
            [](pilot::Pilot& p, const QString& v) -> std::optional<QString> { p.cost.classicalInstance = str(v); return std::nullopt; });
    addDouble(classical, tr("Price"), QStringLiteral("cost.classical_usd_per_hour"), -1, 1e6, 4,
              [](const pilot::Pilot& p) { return p.cost.classicalUsdPerHour; },
              [](pilot::Pilot& p, double v) { p.cost.classicalUsdPerHour = v; }, tr(" USD/h"));
    addDouble(classical, tr("Throughput"), QStringLiteral("cost.classical_throughput_per_s"), 0, 1e12, 0,
              [](const pilot::Pilot& p) { return p.cost.classicalThroughputPerSecond; },
              [](pilot::Pilot& p, double v) { p.cost.classicalThroughputPerSecond = v; }, tr(" predictions/s"));
}

void PilotEditor::buildThresholds()
{
    addPage(tr("Thresholds"), tr("Scorecard thresholds: the measured value at which each dimension scores 100 (good) "
                                 "and 0 (bad); docs/readiness.md explains the defaults."));
    using T = readiness::Thresholds;
    QFormLayout* bands = addGroup(tr("Rating bands (score 0-100)"));
    addDouble(bands, tr("Green at or above"), QStringLiteral("thresholds.bands.green"), -1000, 1000, 1,
              [](const pilot::Pilot& p) { return p.thresholds.bands.green; }, [](pilot::Pilot& p, double v) { p.thresholds.bands.green = v; });
    addDouble(bands, tr("Red below"), QStringLiteral("thresholds.bands.red"), -1000, 1000, 1,
              [](const pilot::Pilot& p) { return p.thresholds.bands.red; }, [](pilot::Pilot& p, double v) { p.thresholds.bands.red = v; });
    QFormLayout* form = addGroup(tr("Good / bad values per dimension"));
    const struct {
        const char* label;
        const char* path;
        double T::*member;
        int decimals;
    } rows[] = {
        {"Success probability, good", "thresholds.success_good", &T::successGood, 3},
        {"Success probability, bad", "thresholds.success_bad", &T::successBad, 3},
        {"Mitigation overhead ×, good", "thresholds.overhead_good", &T::overheadGood, 2},
        {"Mitigation overhead ×, bad", "thresholds.overhead_bad", &T::overheadBad, 2},
        {"Two-qubit gates, good", "thresholds.two_qubit_gates_good", &T::twoQubitGatesGood, 0},
        {"Two-qubit gates, bad", "thresholds.two_qubit_gates_bad", &T::twoQubitGatesBad, 0},
        {"Accuracy gap, good", "thresholds.gap_good", &T::gapGood, 3},
        {"Accuracy gap, bad", "thresholds.gap_bad", &T::gapBad, 3},
        {"Training executions, good", "thresholds.training_executions_good", &T::trainingExecutionsGood, 0},
        {"Training executions, bad", "thresholds.training_executions_bad", &T::trainingExecutionsBad, 0},
        {"Cost/latency: good at fraction of objective", "thresholds.objective_good_fraction", &T::objectiveGoodFraction, 3},
        {"Cost/latency: bad at multiple of objective", "thresholds.objective_bad_multiple", &T::objectiveBadMultiple, 2},
        {"Seed spread: good at fraction of tolerance", "thresholds.spread_good_fraction", &T::spreadGoodFraction, 3},
        {"Seed spread: bad at multiple of tolerance", "thresholds.spread_bad_multiple", &T::spreadBadMultiple, 2},
        {"Mitigated error, good", "thresholds.mitigated_error_good", &T::mitigatedErrorGood, 3},
        {"Mitigated error, bad", "thresholds.mitigated_error_bad", &T::mitigatedErrorBad, 3},
        {"Fixable factor", "thresholds.fixable_factor", &T::fixableFactor, 2},
    };
    for (const auto& r : rows) {
        double T::*m = r.member;
        addDouble(form, tr(r.label), QString::fromLatin1(r.path), -1e12, 1e12, r.decimals,
                  [m](const pilot::Pilot& p) { return p.thresholds.*m; }, [m](pilot::Pilot& p, double v) { p.thresholds.*m = v; });
    }
    QFormLayout* verdict = addGroup(tr("Verdict"));
    addInt(verdict, tr("Max amber for production"), QStringLiteral("thresholds.max_amber_for_production"), 0, 9,
           [](const pilot::Pilot& p) { return p.thresholds.maxAmberForProduction; },
           [](pilot::Pilot& p, int v) { p.thresholds.maxAmberForProduction = v; });
    addInt(verdict, tr("Max red for piloting"), QStringLiteral("thresholds.max_red_for_piloting"), 0, 9,
           [](const pilot::Pilot& p) { return p.thresholds.maxRedForPiloting; },
           [](pilot::Pilot& p, int v) { p.thresholds.maxRedForPiloting = v; });
    QFormLayout* weights = addGroup(tr("Weights of the overall score"));
    for (readiness::Dimension d : readiness::allDimensions()) {
        const int i = int(d);
        addDouble(weights, QString::fromLatin1(readiness::dimensionTitle(d)),
                  QStringLiteral("thresholds.weights[%1]").arg(i), 0, 100, 2,
                  [i](const pilot::Pilot& p) { return p.thresholds.weights[size_t(i)]; },
                  [i](pilot::Pilot& p, double v) { p.thresholds.weights[size_t(i)] = v; });
    }
}

} // namespace qpilot
