// SPDX-License-Identifier: GPL-3.0-or-later
// ui/dialogs/preferencesdialog.cpp — the preferences dialog (see preferencesdialog.h).
#include "ui/dialogs/preferencesdialog.h"

#include "core/device/device.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace qpilot {

namespace {

// A line edit with a Browse button beside it.
QWidget* withBrowse(QLineEdit* edit, QPushButton* browse, QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

// A whole number in [lo, hi] typed in `text`, or the message why not.
std::optional<qint64> parseInteger(const QString& text, qint64 lo, qint64 hi, const QString& what, QString* error)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok) {
        *error = text.trimmed().isEmpty() ? QObject::tr("%1 is required.").arg(what)
                                          : QObject::tr("%1 must be a whole number (got \"%2\").").arg(what, text.trimmed());
        return std::nullopt;
    }
    if (v < lo || v > hi) {
        *error = QObject::tr("%1 must be between %2 and %3 (got %4).").arg(what).arg(lo).arg(hi).arg(v);
        return std::nullopt;
    }
    return v;
}

} // namespace

PreferencesDialog::PreferencesDialog(const WorkbenchSettings& settings, QWidget* parent)
    : QDialog(parent), m_theme(new QComboBox(this)), m_live(new QCheckBox(tr("Re-simulate after every edit"), this)),
      m_debounce(new QLineEdit(this)), m_maxQubits(new QSpinBox(this)), m_shots(new QLineEdit(this)),
      m_seed(new QLineEdit(this)), m_device(new QComboBox(this)), m_runStore(new QLineEdit(this)),
      m_reportDir(new QLineEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply
                                         | QDialogButtonBox::RestoreDefaults,
                                     this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->addItem(tr("System"), WorkbenchSettings::themeKey(WorkbenchSettings::Theme::System));
    m_theme->addItem(tr("Light"), WorkbenchSettings::themeKey(WorkbenchSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), WorkbenchSettings::themeKey(WorkbenchSettings::Theme::Dark));
    m_live->setObjectName(QStringLiteral("liveBox"));
    m_debounce->setObjectName(QStringLiteral("debounceEdit"));
    m_debounce->setToolTip(tr("Edits closer together than this are simulated once, after the last one"));
    m_maxQubits->setObjectName(QStringLiteral("maxQubitsBox"));
    m_maxQubits->setRange(WorkbenchSettings::kMinLiveQubits, WorkbenchSettings::kMaxLiveQubits);
    m_maxQubits->setSuffix(tr(" qubits"));
    m_maxQubits->setToolTip(tr("Larger circuits are not simulated live (2^n amplitudes; 22 qubits = 64 MiB)"));
    m_shots->setObjectName(QStringLiteral("shotsEdit"));
    m_seed->setObjectName(QStringLiteral("seedEdit"));
    m_device->setObjectName(QStringLiteral("deviceBox"));
    m_device->addItem(tr("Ideal (no device)"), QString());
    for (const DeviceProfile& d : builtinDevices())
        m_device->addItem(QStringLiteral("%1 \u2014 %2").arg(QString::fromStdString(d.id), QString::fromStdString(d.name)),
                          QString::fromStdString(d.id));
    m_runStore->setObjectName(QStringLiteral("runStoreEdit"));
    m_reportDir->setObjectName(QStringLiteral("reportDirEdit"));

    auto* browseStore = new QPushButton(tr("Browse\u2026"), this);
    connect(browseStore, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Run Store"), m_runStore->text(),
                                                          tr("SQLite database (*.sqlite);;All files (*)"), nullptr,
                                                          QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            m_runStore->setText(QDir::toNativeSeparators(path));
    });
    auto* browseReports = new QPushButton(tr("Browse\u2026"), this);
    connect(browseReports, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Report Directory"), m_reportDir->text());
        if (!dir.isEmpty())
            m_reportDir->setText(QDir::toNativeSeparators(dir));
    });

    auto group = [this](const QString& title) {
        auto* box = new QGroupBox(title, this);
        auto* form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
        return std::make_pair(box, form);
    };
    // A field with its inline message under it.
    auto addRow = [this](QFormLayout* form, const QString& label, QWidget* field, const QString& name) {
        auto* cell = new QWidget(this);
        auto* v = new QVBoxLayout(cell);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(field);
        if (!name.isEmpty())
            v->addWidget(errorLabel(name));
        form->addRow(label, cell);
    };
    auto [look, lookForm] = group(tr("Appearance"));
    addRow(lookForm, tr("&Theme:"), m_theme, {});
    auto [live, liveForm] = group(tr("Live simulation"));
    addRow(liveForm, tr("Live:"), m_live, {});
    addRow(liveForm, tr("&Debounce (ms):"), m_debounce, QStringLiteral("debounceMs"));
    addRow(liveForm, tr("&Largest circuit:"), m_maxQubits, QStringLiteral("maxLiveQubits"));
    addRow(liveForm, tr("Default &shots:"), m_shots, QStringLiteral("defaultShots"));
    addRow(liveForm, tr("Default s&eed:"), m_seed, QStringLiteral("defaultSeed"));
    addRow(liveForm, tr("Default noise &device:"), m_device, QStringLiteral("defaultDevice"));
    auto [files, filesForm] = group(tr("Files"));
    addRow(filesForm, tr("&Run store:"), withBrowse(m_runStore, browseStore, this), QStringLiteral("runStorePath"));
    addRow(filesForm, tr("Re&ports:"), withBrowse(m_reportDir, browseReports, this), QStringLiteral("reportDirectory"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(look);
    layout->addWidget(live);
    layout->addWidget(files);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(applyButton(), &QPushButton::clicked, this, &PreferencesDialog::apply);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setSettings(WorkbenchSettings::defaults()); });
    for (QLineEdit* e : {m_debounce, m_shots, m_seed, m_runStore, m_reportDir})
        connect(e, &QLineEdit::textChanged, this, &PreferencesDialog::revalidate);
    connect(m_maxQubits, &QSpinBox::valueChanged, this, &PreferencesDialog::revalidate);
    connect(m_live, &QCheckBox::toggled, this, [this](bool on) {
        m_debounce->setEnabled(on);
    });
    setSettings(settings);
    resize(std::max(sizeHint().width(), 560), sizeHint().height());
}

QLabel* PreferencesDialog::errorLabel(const QString& field)
{
    auto* label = new QLabel(this);
    label->setObjectName(field + QStringLiteral("Error"));
    label->setWordWrap(true);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    label->setPalette(pal);
    label->hide();
    m_errors.insert(field, label);
    return label;
}

QPushButton* PreferencesDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QPushButton* PreferencesDialog::applyButton() const
{
    return m_buttons->button(QDialogButtonBox::Apply);
}

void PreferencesDialog::setSettings(const WorkbenchSettings& s)
{
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(WorkbenchSettings::themeKey(s.theme))));
    m_live->setChecked(s.liveSimulation);
    m_debounce->setEnabled(s.liveSimulation);
    m_debounce->setText(QString::number(s.debounceMs));
    m_maxQubits->setValue(s.maxLiveQubits);
    m_shots->setText(QString::number(s.defaultShots));
    m_seed->setText(QString::number(s.defaultSeed));
    m_device->setCurrentIndex(std::max(0, m_device->findData(s.defaultDevice)));
    m_runStore->setText(QDir::toNativeSeparators(s.runStorePath));
    m_reportDir->setText(QDir::toNativeSeparators(s.reportDirectory));
    revalidate();
}

bool PreferencesDialog::read(WorkbenchSettings& out, QMap<QString, QString>* errors) const
{
    out.theme = WorkbenchSettings::themeFromKey(m_theme->currentData().toString());
    out.liveSimulation = m_live->isChecked();
    QString error;
    if (auto v = parseInteger(m_debounce->text(), WorkbenchSettings::kMinDebounceMs, WorkbenchSettings::kMaxDebounceMs,
                              tr("Debounce (ms)"), &error))
        out.debounceMs = int(*v);
    else
        errors->insert(QStringLiteral("debounceMs"), error);
    out.maxLiveQubits = m_maxQubits->value();
    if (auto v = parseInteger(m_shots->text(), WorkbenchSettings::kMinShots, WorkbenchSettings::kMaxShots,
                              tr("Shots"), &error))
        out.defaultShots = int(*v);
    else
        errors->insert(QStringLiteral("defaultShots"), error);
    if (auto v = parseInteger(m_seed->text(), 0, std::numeric_limits<int>::max(), tr("Seed"), &error))
        out.defaultSeed = quint64(*v);
    else
        errors->insert(QStringLiteral("defaultSeed"), error);
    out.defaultDevice = m_device->currentData().toString();
    out.runStorePath = QDir::fromNativeSeparators(m_runStore->text().trimmed());
    out.reportDirectory = QDir::fromNativeSeparators(m_reportDir->text().trimmed());
    // The value's own checks (ranges again, paths, device) for what parsed.
    for (const WorkbenchSettings::Problem& p : out.validate()) {
        if (!errors->contains(p.field))
            errors->insert(p.field, p.message);
    }
    return errors->isEmpty();
}

std::optional<WorkbenchSettings> PreferencesDialog::settings() const
{
    WorkbenchSettings out;
    QMap<QString, QString> errors;
    if (!read(out, &errors))
        return std::nullopt;
    return out;
}

QString PreferencesDialog::errorText(const QString& field) const
{
    const QLabel* label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void PreferencesDialog::revalidate()
{
    WorkbenchSettings out;
    QMap<QString, QString> errors;
    const bool ok = read(out, &errors);
    for (auto it = m_errors.begin(); it != m_errors.end(); ++it) {
        const QString message = errors.value(it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
    }
    okButton()->setEnabled(ok);
    applyButton()->setEnabled(ok);
}

bool PreferencesDialog::apply()
{
    revalidate();
    const auto s = settings();
    if (!s)
        return false;
    emit applied(*s);
    return true;
}

} // namespace qpilot
