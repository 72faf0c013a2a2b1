// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/piloteditor.cpp — PilotEditor's frame (page list, "N problems" line), the field
// bindings (pilot → widget, widget → SetPilotFieldCommand), validation shown under the fields,
// the dataset preview reload and the encoding resource preview / curve. The pages themselves
// are built in piloteditor_pages.cpp.
#include "ui/pilot/piloteditor.h"

#include "core/ml/ml.h"
#include "ui/devices/deviceprofilesmodel.h"
#include "ui/pilot/datasetpreviewmodel.h"
#include "ui/pilot/pilotcommands.h"
#include "ui/report/reportstyle.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace qpilot {

namespace {

QString errorColour() { return QStringLiteral("#b3261e"); }

// "devices[1]: unknown device" → ("devices[1]", "unknown device").
std::pair<QString, QString> splitProblem(const QString& problem)
{
    const int colon = problem.indexOf(QLatin1String(": "));
    if (colon <= 0 || problem.left(colon).contains(QLatin1Char(' ')))
        return {QString(), problem};
    return {problem.left(colon), problem.mid(colon + 2)};
}

} // namespace

EncodingPreview encodingPreview(const pilot::Pilot& p, int datasetFeatures)
{
    EncodingPreview out;
    const auto kind = encoding::kindByName(p.circuit.encoding);
    if (!kind || encoding::isAnsatz(*kind)) {
        out.error = QStringLiteral("unknown encoding '%1'").arg(QString::fromStdString(p.circuit.encoding));
        return out;
    }
    out.kind = *kind;
    out.features = p.preprocessing.pca > 0 ? p.preprocessing.pca : datasetFeatures;
    if (out.features < 1) {
        out.error = QStringLiteral("no features: the dataset does not load");
        return out;
    }
    const bool kernel = p.model.kind == "kernel";
    if (kernel)
        out.options.reps = p.circuit.reps > 0 ? p.circuit.reps : ml::kDefaultKernelReps;
    else if (*kind == encoding::Kind::Reupload && p.circuit.reps > 0)
        out.options.layers = p.circuit.reps;
    auto r = encoding::resources(*kind, out.features, out.options);
    if (!r) {
        out.error = QString::fromStdString(r.error().message);
        return out;
    }
    out.resources = *r;
    if (!kernel) {
        std::optional<encoding::Kind> ansatz;
        if (!p.circuit.ansatz.empty()) {
            const auto a = encoding::kindByName(p.circuit.ansatz);
            if (a && encoding::isAnsatz(*a))
                ansatz = *a;
        } else if (*kind != encoding::Kind::Reupload) {
            ansatz = encoding::Kind::RealAmplitudes;
        }
        if (ansatz) {
            encoding::Options ao;
            ao.reps = p.circuit.reps > 0 ? p.circuit.reps : 2;
            auto ar = encoding::resources(*ansatz, r->qubits, ao);
            if (ar) {
                out.ansatz = ansatz;
                out.ansatzResources = *ar;
            }
        }
    }
    return out;
}

PilotEditor::PilotEditor(QWidget* parent) : QWidget(parent), m_undo(new QUndoStack(this))
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);
    outer->setSpacing(6);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("pilotEditorHeading"));
    QFont hf = m_heading->font();
    hf.setPointSizeF(hf.pointSizeF() * 1.3);
    hf.setBold(true);
    m_heading->setFont(hf);
    m_heading->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("pilotEditorStatus"));
    m_status->setWordWrap(true);
    outer->addWidget(m_heading);
    outer->addWidget(m_status);

    auto* body = new QHBoxLayout;
    outer->addLayout(body, 1);
    m_pages = new QListWidget(this);
    m_pages->setObjectName(QStringLiteral("pilotEditorPages"));
    m_pages->setFixedWidth(180);
    m_pages->setStyleSheet(QStringLiteral("QListWidget::item { padding: 6px 8px; }"));
    m_stack = new QStackedWidget(this);
    body->addWidget(m_pages);
    body->addWidget(m_stack, 1);
    connect(m_pages, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    m_datasetModel = new DatasetPreviewModel(this);
    m_devicesModel = new DeviceProfilesModel(this);
    m_devicesModel->setCheckable(true);
    m_devicesModel->reload();

    buildOverview();
    buildDataset();
    buildEncoding();
    buildModel();
    buildDevices();
    buildExecution();
    buildObjectives();
    buildCost();
    buildThresholds();
    for (QVBoxLayout* l : m_pageLayouts)
        l->addStretch(1);
    m_pages->setCurrentRow(0);
    applyPilot(m_pilot);
}

PilotEditor::~PilotEditor() = default;

QStringList PilotEditor::pageNames() const { return m_pageNames; }

void PilotEditor::showPage(const QString& name)
{
    const int i = m_pageNames.indexOf(name);
    if (i >= 0)
        m_pages->setCurrentRow(i);
}

QWidget* PilotEditor::addPage(const QString& name, const QString& intro)
{
    auto* scroll = new QScrollArea(m_stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* page = new QWidget(scroll);
    page->setObjectName(QStringLiteral("page:") + name);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 0, 12, 8);
    auto* title = new QLabel(name, page);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    tf.setBold(true);
    title->setFont(tf);
    layout->addWidget(title);
    if (!intro.isEmpty()) {
        auto* text = new QLabel(intro, page);
        text->setWordWrap(true);
        text->setForegroundRole(QPalette::PlaceholderText); // muted in either theme
        layout->addWidget(text);
    }
    auto* message = new QLabel(page);
    message->setObjectName(QStringLiteral("pageMessage:") + name);
    message->setWordWrap(true);
    message->setStyleSheet(QStringLiteral("color: %1;").arg(errorColour()));
    message->hide();
    layout->addWidget(message);
    scroll->setWidget(page);
    m_stack->addWidget(scroll);
    m_pages->addItem(name);
    m_pageNames.append(name);
    m_pageLayouts.push_back(layout);
    m_pageMessages.push_back(message);
    return page;
}

QFormLayout* PilotEditor::addGroup(const QString& title)
{
    QVBoxLayout* page = m_pageLayouts.back();
    auto* box = new QGroupBox(title);
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    page->addWidget(box);
    return form;
}

QWidget* PilotEditor::wrap(QWidget* editor, const QString& path)
{
    auto* holder = new QWidget;
    auto* v = new QVBoxLayout(holder);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(editor);
    auto* message = new QLabel(holder);
    message->setObjectName(QStringLiteral("message:") + path);
    message->setWordWrap(true);
    message->setStyleSheet(QStringLiteral("color: %1;").arg(errorColour()));
    message->hide();
    v->addWidget(message);
    return holder;
}

PilotEditor::Field& PilotEditor::addField(const QString& path, QWidget* editor, std::function<void()> load)
{
    editor->setObjectName(path);
    Field f;
    f.path = path;
    f.editor = editor;
    f.page = int(m_pageLayouts.size()) - 1;
    f.load = std::move(load);
    // The message label is the sibling wrap() created (it is found after wrapping).
    m_fields.push_back(std::move(f));
    return m_fields.back();
}

void PilotEditor::addText(QFormLayout* form, const QString& label, const QString& path,
                          std::function<QString(const pilot::Pilot&)> get,
                          std::function<std::optional<QString>(pilot::Pilot&, const QString&)> set, const QString& placeholder)
{
    auto* e = new QLineEdit;
    e->setPlaceholderText(placeholder);
    Field& f = addField(path, e, [this, e, get, path] {
        const QString v = get(m_pilot);
        if (e->text() != v)
            e->setText(v);
        m_parseErrors.remove(path);
    });
    QWidget* w = wrap(e, path);
    f.message = w->findChild<QLabel*>(QStringLiteral("message:") + path);
    form->addRow(label, w);
    connect(e, &QLineEdit::textEdited, this, [this, path, set](const QString& text) {
        pilot::Pilot probe = m_pilot;
        if (auto err = set(probe, text)) {
            setParseError(path, *err);
            return;
        }
        setParseError(path, QString());
        edit(path, [&](pilot::Pilot& p) { set(p, text); }, true);
    });
}

void PilotEditor::addInt(QFormLayout* form, const QString& label, const QString& path, int min, int max,
                         std::function<int(const pilot::Pilot&)> get, std::function<void(pilot::Pilot&, int)> set,
                         const QString& suffix, const QString& special)
{
    auto* e = new QSpinBox;
    e->setRange(min, max);
    e->setSuffix(suffix);
    e->setSpecialValueText(special);
    e->setKeyboardTracking(true);
    e->setMaximumWidth(220);
    Field& f = addField(path, e, [this, e, get] {
        const int v = get(m_pilot);
        if (e->value() != v)
            e->setValue(v);
    });
    QWidget* w = wrap(e, path);
    f.message = w->findChild<QLabel*>(QStringLiteral("message:") + path);
    form->addRow(label, w);
    connect(e, qOverload<int>(&QSpinBox::valueChanged), this, [this, path, set](int v) {
        if (!m_loading)
            edit(path, [&](pilot::Pilot& p) { set(p, v); }, true);
    });
}

void PilotEditor::addDouble(QFormLayout* form, const QString& label, const QString& path, double min, double max,
                            int decimals, std::function<double(const pilot::Pilot&)> get,
                            std::function<void(pilot::Pilot&, double)> set, const QString& suffix)
{
    auto* e = new QDoubleSpinBox;
    e->setRange(min, max);
    e->setDecimals(decimals);
    e->setSuffix(suffix);
    e->setMaximumWidth(220);
    Field& f = addField(path, e, [this, e, get] {
        const double v = get(m_pilot);
        if (e->value() != v)
            e->setValue(v);
    });
    QWidget* w = wrap(e, path);
    f.message = w->findChild<QLabel*>(QStringLiteral("message:") + path);
    form->addRow(label, w);
    connect(e, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this, path, set](double v) {
        if (!m_loading)
            edit(path, [&](pilot::Pilot& p) { set(p, v); }, true);
    });
}

QComboBox* PilotEditor::addChoice(QFormLayout* form, const QString& label, const QString& path,
                                  const std::vector<std::pair<QString, QString>>& items,
                                  std::function<QString(const pilot::Pilot&)> get,
                                  std::function<void(pilot::Pilot&, const QString&)> set)
{
    auto* e = new QComboBox;
    for (const auto& [shown, value] : items)
        e->addItem(shown, value);
    e->setMaximumWidth(420);
    Field& f = addField(path, e, [this, e, get] {
        const QString v = get(m_pilot);
        int i = e->findData(v);
        if (i < 0) { // a value the list does not offer (e.g. a file's unknown name): shown as is
            e->addItem(v, v);
            i = e->count() - 1;
        }
        if (e->currentIndex() != i)
            e->setCurrentIndex(i);
    });
    QWidget* w = wrap(e, path);
    f.message = w->findChild<QLabel*>(QStringLiteral("message:") + path);
    form->addRow(label, w);
    connect(e, qOverload<int>(&QComboBox::currentIndexChanged), this, [this, e, path, set](int i) {
        if (!m_loading && i >= 0)
            edit(path, [&](pilot::Pilot& p) { set(p, e->itemData(i).toString()); }, false);
    });
    return e;
}

void PilotEditor::addCheck(QFormLayout* form, const QString& label, const QString& path,
                           std::function<bool(const pilot::Pilot&)> get, std::function<void(pilot::Pilot&, bool)> set)
{
    auto* e = new QCheckBox(label);
    Field& f = addField(path, e, [this, e, get] {
        const bool v = get(m_pilot);
        if (e->isChecked() != v)
            e->setChecked(v);
    });
    QWidget* w = wrap(e, path);
    f.message = w->findChild<QLabel*>(QStringLiteral("message:") + path);
    form->addRow(QString(), w);
    connect(e, &QCheckBox::toggled, this, [this, path, set](bool v) {
        if (!m_loading)
            edit(path, [&](pilot::Pilot& p) { set(p, v); }, false);
    });
}

void PilotEditor::setPilot(const pilot::Pilot& pilot, const QString& baseDir)
{
    pilot::Pilot p = pilot;
    p.baseDirectory = baseDir.toStdString();
    m_undo->clear();
    m_parseErrors.clear();
    applyPilot(p);
}

void PilotEditor::edit(const QString& path, const std::function<void(pilot::Pilot&)>& change, bool mergeable)
{
    if (m_loading)
        return;
    pilot::Pilot after = m_pilot;
    change(after);
    if (pilot::writePilot(after) == pilot::writePilot(m_pilot))
        return;
    auto apply = [this](const pilot::Pilot& p) { applyPilot(p); };
    m_undo->push(new SetPilotFieldCommand(apply, path, m_pilot, std::move(after), mergeable,
                                          tr("Edit %1").arg(path)));
}

void PilotEditor::applyPilot(const pilot::Pilot& pilot)
{
    m_pilot = pilot;
    m_loading = true;
    for (Field& f : m_fields)
        f.load();
    m_devicesModel->setCheckedIds([&] {
        QStringList ids;
        for (const std::string& d : m_pilot.devices)
            ids.append(QString::fromStdString(d));
        return ids;
    }());
    m_loading = false;
    const QString title = QString::fromStdString(m_pilot.title.empty() ? m_pilot.name : m_pilot.title);
    m_heading->setText(title.isEmpty() ? tr("New pilot") : title);
    refreshDataset();
    refreshPreview();
    revalidate();
    emit pilotEdited();
}

void PilotEditor::setParseError(const QString& path, const QString& message)
{
    if (message.isEmpty())
        m_parseErrors.remove(path);
    else
        m_parseErrors.insert(path, message);
    revalidate();
}

bool PilotEditor::isValid() const { return m_problems.isEmpty(); }

QStringList PilotEditor::problems() const { return m_problems; }

QString PilotEditor::fieldMessage(const QString& field) const { return m_fieldMessages.value(field); }

void PilotEditor::revalidate()
{
    m_problems.clear();
    for (auto it = m_parseErrors.constBegin(); it != m_parseErrors.constEnd(); ++it)
        m_problems.append(it.key() + QStringLiteral(": ") + it.value());
    for (const Error& e : pilot::validatePilot(m_pilot))
        m_problems.append(QString::fromStdString(e.message));
    std::sort(m_problems.begin(), m_problems.end());

    // Each problem goes under the field it names: the field whose path equals the problem's,
    // or is its longest prefix ("devices[1]" → "devices"), else the first field below it
    // ("thresholds.bands" → "thresholds.bands.green"), else the page or the top line.
    m_fieldMessages.clear();
    std::vector<QStringList> pageProblems(m_pageLayouts.size());
    QStringList unplaced;
    for (const QString& problem : m_problems) {
        const auto [path, message] = splitProblem(problem);
        const Field* best = nullptr;
        for (const Field& f : m_fields) {
            const bool prefix = path == f.path || path.startsWith(f.path + QLatin1Char('['))
                                || path.startsWith(f.path + QLatin1Char('.'));
            if (prefix && (!best || f.path.size() > best->path.size()))
                best = &f;
        }
        if (!best && !path.isEmpty())
            for (const Field& f : m_fields)
                if (f.path.startsWith(path + QLatin1Char('.'))) {
                    best = &f;
                    break;
                }
        if (best) {
            QString& text = m_fieldMessages[best->path];
            const QString line = path == best->path ? message : path + QStringLiteral(": ") + message;
            text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + line;
            pageProblems[size_t(best->page)].append(problem);
        } else {
            unplaced.append(problem);
        }
    }
    for (Field& f : m_fields) {
        if (!f.message)
            continue;
        const QString text = m_fieldMessages.value(f.path);
        f.message->setText(text);
        f.message->setVisible(!text.isEmpty());
    }
    for (QLabel* l : m_pageMessages)
        l->hide();
    for (int i = 0; i < m_pages->count(); ++i) {
        const int n = int(pageProblems[size_t(i)].size());
        QListWidgetItem* item = m_pages->item(i);
        item->setText(n == 0 ? m_pageNames[i] : QStringLiteral("%1  (%2)").arg(m_pageNames[i]).arg(n));
        item->setForeground(n == 0 ? QBrush() : QBrush(QColor(errorColour())));
    }
    if (!unplaced.isEmpty()) {
        m_pageMessages.front()->setText(unplaced.join(QLatin1Char('\n')));
        m_pageMessages.front()->show();
    }
    const int n = int(m_problems.size());
    if (n == 0) {
        m_status->setText(tr("No problems: the pilot is ready to run."));
        m_status->setStyleSheet(QStringLiteral("color: #1e6b35; font-weight: bold;"));
    } else {
        m_status->setText(n == 1 ? tr("1 problem: %1").arg(m_problems.front())
                                 : tr("%1 problems (pages marked in red); first: %2").arg(n).arg(m_problems.front()));
        m_status->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(errorColour()));
    }
}

void PilotEditor::refreshDataset()
{
    const pilot::DatasetSpec& d = m_pilot.dataset;
    std::string ignored;
    for (const std::string& c : d.ignoreColumns)
        ignored += c + "\t";
    const QString key = QString::fromStdString(d.source + "\n" + d.labelColumn + "\n" + ignored + "\n" + d.impute + "\n"
                                               + m_pilot.baseDirectory + "\n" + std::to_string(m_pilot.seed));
    if (key == m_datasetKey)
        return;
    m_datasetKey = key;
    m_dataset.reset();
    m_datasetError.clear();
    ml::CsvOptions csv;
    csv.labelColumn = d.labelColumn;
    csv.ignoreColumns = d.ignoreColumns;
    if (auto impute = ml::imputeFromKey(d.impute))
        csv.impute = *impute;
    if (d.source.empty()) {
        m_datasetError = tr("no dataset chosen");
    } else {
        auto loaded = ml::loadDataset(d.source, csv, m_pilot.seed, m_pilot.baseDirectory);
        if (loaded)
            m_dataset = std::move(loaded).value();
        else
            m_datasetError = QString::fromStdString(loaded.error().toString());
    }
    if (!m_dataset) {
        m_datasetModel->clear();
        m_datasetInfo->setText(tr("Cannot preview: %1").arg(m_datasetError));
        return;
    }
    const ml::Dataset& ds = m_dataset->dataset;
    const bool namedLabel = !d.labelColumn.empty() && d.labelColumn.find_first_not_of("0123456789") != std::string::npos;
    m_datasetModel->setDataset(ds, m_dataset->csv, namedLabel ? QString::fromStdString(d.labelColumn) : QString());
    QStringList classes;
    for (const std::string& c : ds.classNames)
        classes.append(QString::fromStdString(c));
    m_datasetInfo->setText(tr("%1 (%2): %3 rows, %4 features, %5 classes (%6). Fingerprint %7…")
                               .arg(QString::fromStdString(ds.name), QString::fromStdString(m_dataset->kind))
                               .arg(ds.samples.rows)
                               .arg(ds.samples.features)
                               .arg(ds.samples.classes)
                               .arg(classes.join(QStringLiteral(", ")), QString::fromStdString(ds.fingerprint.substr(0, 12))));
}

void PilotEditor::refreshPreview()
{
    const int features = m_dataset ? m_dataset->dataset.samples.features : 0;
    m_preview = encodingPreview(m_pilot, features);
    if (!m_preview.resources) {
        m_previewQubits->setText(QStringLiteral("—"));
        m_previewTwoQubit->setText(QStringLiteral("—"));
        m_previewDepth->setText(QStringLiteral("—"));
        m_previewDetail->setText(tr("No preview: %1").arg(m_preview.error));
        m_curve->clearGraphs();
        m_curve->clearItems();
        m_curve->replot();
        return;
    }
    const encoding::Resources& r = *m_preview.resources;
    m_previewQubits->setText(QString::number(r.qubits));
    m_previewTwoQubit->setText(QString::number(r.twoQubitGates));
    m_previewDepth->setText(QString::number(r.depth) + (r.depthExact ? QString() : tr(" (upper bound)")));
    QString detail = tr("%1 encoding of %2 features: %3 one-qubit gates, %4 inputs per sample; two-qubit gates = %5.")
                         .arg(QString::fromLatin1(encoding::kindName(m_preview.kind)))
                         .arg(m_preview.features)
                         .arg(r.oneQubitGates)
                         .arg(r.inputParameters)
                         .arg(QString::fromStdString(r.twoQubitFormula.empty() ? "0" : r.twoQubitFormula));
    if (m_preview.ansatz && m_preview.ansatzResources)
        detail += tr(" Plus the %1 ansatz: %2 two-qubit gates, depth %3, %4 trainable parameters.")
                      .arg(QString::fromLatin1(encoding::kindName(*m_preview.ansatz)))
                      .arg(m_preview.ansatzResources->twoQubitGates)
                      .arg(m_preview.ansatzResources->depth)
                      .arg(m_preview.ansatzResources->trainableParameters);
    m_previewDetail->setText(detail);

    // The curve: qubits, two-qubit gates and depth of this encoding for 1..N features.
    const int maxFeatures = std::max(16, 2 * m_preview.features);
    QVector<double> xs, qubits, twoQ, depth;
    for (int n = 1; n <= maxFeatures; ++n) {
        auto rn = encoding::resources(m_preview.kind, n, m_preview.options);
        if (!rn)
            continue;
        xs.append(n);
        qubits.append(rn->qubits);
        twoQ.append(double(rn->twoQubitGates));
        depth.append(double(rn->depth));
    }
    m_curve->clearGraphs();
    m_curve->clearItems();
    const ui::report::ChartTheme theme = ui::report::chartTheme(m_curve->palette());
    const QVector<double>* series[] = {&qubits, &twoQ, &depth};
    const QString names[] = {tr("qubits"), tr("two-qubit gates"), tr("depth")};
    double top = 1;
    for (int i = 0; i < 3; ++i) {
        QCPGraph* g = m_curve->addGraph();
        // A log axis cannot show 0: zero counts are left out (and said so in the legend).
        QVector<double> kx, ky;
        for (int k = 0; k < xs.size(); ++k)
            if ((*series[i])[k] > 0) {
                kx.append(xs[k]);
                ky.append((*series[i])[k]);
            }
        g->setName(ky.isEmpty() ? names[i] + tr(" (none)") : names[i]);
        g->setData(kx, ky, true);
        QPen pen(theme.series(i));
        pen.setWidthF(2);
        g->setPen(pen);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
        for (double v : *series[i])
            top = std::max(top, v);
    }
    auto* marker = new QCPItemStraightLine(m_curve);
    marker->point1->setCoords(m_preview.features, 0);
    marker->point2->setCoords(m_preview.features, 1);
    marker->setPen(QPen(theme.muted, 1, Qt::DashLine));
    auto* label = new QCPItemText(m_curve);
    label->position->setCoords(m_preview.features, top * 1.6);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    label->setText(tr(" this pilot: %1").arg(m_preview.features));
    label->setColor(theme.muted);
    m_curve->xAxis->setRange(0.5, maxFeatures + 0.5);
    m_curve->xAxis->ticker().dynamicCast<QCPAxisTickerFixed>()->setTickStep(maxFeatures > 24 ? 4 : maxFeatures > 12 ? 2 : 1);
    m_curve->yAxis->setRange(0.8, top * 2.5);
    m_curve->replot();
}

} // namespace qpilot
