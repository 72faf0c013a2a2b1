// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/calibrationimportdialog.cpp — CalibrationImportDialog: two file pickers, a preview
// of core's import (or its located error) and the snapshot save.
#include "ui/devices/calibrationimportdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace qpilot {

namespace {

QString fmt(const std::optional<double>& v, double scale, const char* unit)
{
    if (!v)
        return QStringLiteral("not in the file");
    return QString::number(*v * scale, 'g', 4) + QString::fromUtf8(unit);
}

} // namespace

CalibrationImportDialog::CalibrationImportDialog(QWidget* parent, const QString& store)
    : QDialog(parent), m_store(store.isEmpty() ? QString::fromStdString(defaultCalibrationStore()) : store)
{
    setWindowTitle(tr("Import calibration"));
    auto* v = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Pick a Qiskit BackendProperties JSON (props_*.json, or an IBM REST /properties reply) and, "
                                "optionally, the matching BackendConfiguration (conf_*.json or /configuration). The import "
                                "is stored as a dated snapshot pilots can name BACKEND@DATE."),
                             this);
    intro->setWordWrap(true);
    v->addWidget(intro);
    auto* form = new QFormLayout;
    auto picker = [this, form](const QString& label, QLineEdit*& edit, const QString& name) {
        edit = new QLineEdit(this);
        edit->setObjectName(name);
        auto* browse = new QPushButton(tr("Browse…"), this);
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        form->addRow(label, row);
        connect(browse, &QPushButton::clicked, this, [this, edit] {
            const QString f = QFileDialog::getOpenFileName(this, tr("Calibration JSON"), edit->text(), tr("JSON (*.json);;All files (*)"));
            if (!f.isEmpty()) {
                edit->setText(f);
                refresh();
            }
        });
        connect(edit, &QLineEdit::editingFinished, this, &CalibrationImportDialog::refresh);
    };
    picker(tr("Properties"), m_first, QStringLiteral("propertiesFile"));
    picker(tr("Configuration"), m_second, QStringLiteral("configurationFile"));
    v->addLayout(form);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("importError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_errorLabel);
    m_previewText = new QPlainTextEdit(this);
    m_previewText->setObjectName(QStringLiteral("importPreview"));
    m_previewText->setReadOnly(true);
    m_previewText->setMinimumSize(560, 220);
    v->addWidget(m_previewText, 1);
    auto* storeLabel = new QLabel(tr("Snapshot store: %1").arg(m_store), this);
    storeLabel->setForegroundRole(QPalette::PlaceholderText); // muted in either theme
    storeLabel->setWordWrap(true);
    v->addWidget(storeLabel);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* ok = m_buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("importButton"));
    v->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        auto saved = importNow();
        if (saved)
            accept();
    });
    refresh();
}

void CalibrationImportDialog::setFiles(const QStringList& paths)
{
    m_first->setText(paths.value(0));
    m_second->setText(paths.value(1));
    refresh();
}

QStringList CalibrationImportDialog::files() const
{
    QStringList out;
    for (QLineEdit* e : {m_first, m_second})
        if (!e->text().trimmed().isEmpty())
            out.append(e->text().trimmed());
    return out;
}

void CalibrationImportDialog::refresh()
{
    m_import.reset();
    m_error.clear();
    const QStringList paths = files();
    if (paths.isEmpty()) {
        m_error = tr("Choose a properties file.");
    } else {
        std::vector<std::string> p;
        for (const QString& f : paths)
            p.push_back(f.toStdString());
        auto imported = importQiskitCalibrationFiles(p);
        if (imported)
            m_import = std::move(imported).value();
        else
            m_error = QString::fromStdString(imported.error().toString());
    }
    m_errorLabel->setText(m_error);
    m_errorLabel->setVisible(!m_error.isEmpty() && !paths.isEmpty());
    m_previewText->setPlainText(previewText());
    if (QPushButton* b = findChild<QPushButton*>(QStringLiteral("importButton")))
        b->setEnabled(m_import.has_value());
}

QString CalibrationImportDialog::previewText() const
{
    if (!m_import)
        return QString();
    const DeviceProfile& d = m_import->profile;
    QStringList lines;
    lines << tr("Backend: %1").arg(QString::fromStdString(m_import->backend))
          << tr("Calibration date: %1   → snapshot id %2@%1").arg(QString::fromStdString(m_import->date),
                                                                QString::fromStdString(m_import->backend))
          << tr("Qubits: %1, couplers: %2 (%3), native gates: %4")
                 .arg(d.numQubits)
                 .arg(d.allToAll ? QStringLiteral("all-to-all") : QString::number(d.couplers.size()))
                 .arg(d.directed ? tr("directed") : tr("undirected"))
                 .arg(QString::fromStdString([&] {
                     std::string g;
                     for (const std::string& n : d.nativeGates)
                         g += (g.empty() ? "" : " ") + n;
                     return g;
                 }()))
          << tr("Median T1 %1, T2 %2").arg(fmt(d.t1, 1e6, " µs"), fmt(d.t2, 1e6, " µs"))
          << tr("Median 1q error %1, 2q error %2, readout error %3").arg(fmt(d.gateError1q, 1, ""), fmt(d.gateError2q, 1, ""),
                                                                        fmt(d.readoutError, 1, ""))
          << tr("Per-gate calibrations: %1, per-qubit: %2").arg(d.gates.size()).arg(d.qubits.size());
    for (const std::string& n : m_import->notes)
        lines << tr("Note: %1").arg(QString::fromStdString(n));
    return lines.join(QLatin1Char('\n'));
}

Result<SavedSnapshot> CalibrationImportDialog::importNow()
{
    if (!m_import)
        return Error{m_error.isEmpty() ? std::string("nothing to import") : m_error.toStdString()};
    auto saved = saveCalibrationSnapshot(m_import->profile, m_store.toStdString());
    if (!saved) {
        m_error = QString::fromStdString(saved.error().toString());
        m_errorLabel->setText(m_error);
        m_errorLabel->show();
        return saved;
    }
    emit imported(QString::fromStdString(saved->snapshot.id));
    return saved;
}

} // namespace qpilot
