// tests/app/cli_runner.h — runs the real `qpilot` executable (QPILOT_EXECUTABLE) as a process
// for the command-line tests, with a timeout, and returns its exit code and output; plus the
// small file and JSON helpers every command-line test uses.
#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

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

// Writes `text` to `name` in `dir` and returns the path.
inline QString writeTemp(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text);
    return path;
}

// A whole file as UTF-8 text (empty when it cannot be read).
inline QString readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// The run's standard output parsed as a JSON object (empty when it is not one).
inline QJsonObject jsonOf(const Run& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

} // namespace qpilot::test
