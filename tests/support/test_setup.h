// tests/support/test_setup.h — what several test executables share: settings isolated per test
// executable (QStandardPaths test mode, a test organisation, cleared QSettings), and the small
// pilot the CLI and workbench tests run end to end (Iris versicolor/virginica from a CSV, PCA to
// 2, ZZ kernel on 2 qubits, one IBM device; well under a second per run).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QString>

namespace qpilot::test {

// Settings and standard paths of this test executable only, starting empty.
inline void isolateSettings(const char* testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QpilotTest"));
    QCoreApplication::setApplicationName(QString::fromLatin1(testName));
    QSettings().clear();
}

inline QByteArray smallPilotJson(const QString& csv, const QString& device = QStringLiteral("ibm_torino"))
{
    return QStringLiteral(R"({
  "schema_version": 2,
  "name": "iris-pair-kernel",
  "title": "Iris pair, quantum kernel",
  "dataset": {"source": "%1", "classes": [1, 2]},
  "preprocessing": {"test_fraction": 0.3, "pca": 2},
  "circuit": {"encoding": "zz", "reps": 1},
  "model": {"kind": "kernel", "baselines": ["logistic"], "folds": 3},
  "devices": ["%2"],
  "mitigation": "rem,zne",
  "shots": 200,
  "seed": 5,
  "reproducibility_seeds": 2
})")
        .arg(csv, device)
        .toUtf8();
}

} // namespace qpilot::test
