// SPDX-License-Identifier: GPL-3.0-or-later
// app/main.cpp — `qpilot` with no verb (or a circuit file) opens the workbench under a
// QApplication; a verb, --version or --help runs the command line under a QCoreApplication,
// so the command line never needs a display.
#include "app/cli/cli.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <iostream>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Qpilot"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("qpilot.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("qpilot"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QPILOT_VERSION));
}

int runGui(int argc, char** argv)
{
    QApplication app(argc, argv); // consumes Qt's own options (-platform, -style, ...)
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Qpilot"));
    QGuiApplication::setDesktopFileName(QStringLiteral("qpilot"));

    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Circuit to open."));
    // Developer aid: render the window with FILE loaded to a PNG and exit.
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save a PNG."),
                                  QStringLiteral("PNG"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshot);
    if (!parser.parse(QCoreApplication::arguments()) || parser.positionalArguments().size() > 1) {
        std::cerr << "qpilot: "
                  << (parser.errorText().isEmpty() ? std::string("only one FILE can be opened")
                                                   : parser.errorText().toStdString())
                  << "\nTry 'qpilot --help'.\n";
        return qpilot::cli::ExitUsage;
    }

    qpilot::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().first());

    if (parser.isSet(screenshot)) {
        const QString png = parser.value(screenshot);
        window.resize(1000, 600);
        window.show();
        QTimer::singleShot(0, &window, [&window, png] {
            const bool saved = window.grab().save(png);
            if (!saved)
                std::cerr << "qpilot: " << png.toStdString() << ": cannot write the screenshot\n";
            QCoreApplication::exit(saved ? qpilot::cli::ExitOk : qpilot::cli::ExitFailed);
        });
        return QApplication::exec();
    }
    window.show();
    return QApplication::exec();
}

} // namespace

int main(int argc, char** argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    if (!qpilot::cli::isCliInvocation(args))
        return runGui(argc, argv);

    QCoreApplication app(argc, argv);
    setIdentity();
    return qpilot::cli::run(QCoreApplication::arguments().mid(1), std::cout, std::cerr);
}
