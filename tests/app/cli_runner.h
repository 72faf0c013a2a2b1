// tests/app/cli_runner.h — runs the real `qpilot` executable (QPILOT_EXECUTABLE) as a process
// for the command-line tests, with a timeout, and returns its exit code and output.
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace qpilot::test {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

inline Run runQpilot(const QStringList& args, const QString& workDir = QString(),
                     const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(QStringLiteral(QPILOT_EXECUTABLE), args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = QStringLiteral("could not start ") + QStringLiteral(QPILOT_EXECUTABLE);
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace qpilot::test
