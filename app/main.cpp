// SPDX-License-Identifier: GPL-3.0-or-later
// app/main.cpp — `qpilot` with no verb (or a circuit file) opens the workbench under a
// QApplication; a verb, --version or --help runs the command line under a QCoreApplication
// (`run`, which renders the PDF report, under a QApplication on the offscreen platform), so the
// command line never needs a display.
#include "app/cli/cli.h"
#include "ui/mainwindow.h"
#include "ui/pilot/pilotrunner.h"
#include "ui/pilot/pilotworkbench.h"
#include "ui/results/resultspanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTabWidget>
#include <QTimer>

#include <iostream>
#include <memory>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Qpilot"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("qpilot.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("qpilot"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QPILOT_VERSION));
}

// Qt's platform plugins want $XDG_RUNTIME_DIR and warn on every start when it is unset (CI,
// containers, cron): give them a private one, as Qt itself would, without the warning.
void useQuietRuntimeDir()
{
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const QString dir = QDir::tempPath() + QStringLiteral("/runtime-") + qEnvironmentVariable("USER", QStringLiteral("qpilot"));
    if (QDir().mkpath(dir)
        && QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        qputenv("XDG_RUNTIME_DIR", dir.toLocal8Bit());
}

int runGui(int argc, char** argv)
{
    useQuietRuntimeDir();
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
    // A pilot FILE: run it at start (the pages fill when it is done; with --screenshot, grab then).
    QCommandLineOption runFirst(QStringLiteral("run"), QStringLiteral("Run the pilot FILE at start."));
    parser.addOption(runFirst);
    QCommandLineOption page(QStringLiteral("page"),
                            QStringLiteral("Show this page (circuit, setup, devices, jobs, dashboards, scorecard, report, "
                                           "cloud); with --run, once the run is done."),
                            QStringLiteral("NAME"));
    parser.addOption(page);
    QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size for --screenshot."), QStringLiteral("WxH"));
    size.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(size);
    if (!parser.parse(QCoreApplication::arguments()) || parser.positionalArguments().size() > 1) {
        std::cerr << "qpilot: "
                  << (parser.errorText().isEmpty() ? std::string("only one FILE can be opened")
                                                   : parser.errorText().toStdString())
                  << "\nTry 'qpilot --help'.\n";
        return qpilot::cli::ExitUsage;
    }

    int pageIndex = -1;
    if (parser.isSet(page)) {
        const QStringList pages{QStringLiteral("circuit"), QStringLiteral("setup"),     QStringLiteral("devices"),
                                QStringLiteral("jobs"),    QStringLiteral("dashboards"), QStringLiteral("scorecard"),
                                QStringLiteral("report"),  QStringLiteral("cloud")};
        pageIndex = int(pages.indexOf(parser.value(page).toLower()));
        if (pageIndex < 0) {
            std::cerr << "qpilot: --page: unknown page '" << parser.value(page).toStdString() << "' (one of "
                      << pages.join(QStringLiteral(", ")).toStdString() << ")\nTry 'qpilot --help'.\n";
            return qpilot::cli::ExitUsage;
        }
    }
    QSize windowSize(1440, 900);
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        const int w = wh.size() == 2 ? wh[0].toInt() : 0, h = wh.size() == 2 ? wh[1].toInt() : 0;
        if (w < 320 || h < 240 || w > 8000 || h > 8000) {
            std::cerr << "qpilot: --size: expected WxH such as 1366x768, got '" << parser.value(size).toStdString()
                      << "'\nTry 'qpilot --help'.\n";
            return qpilot::cli::ExitUsage;
        }
        windowSize = QSize(w, h);
    }

    qpilot::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().first());
    else
        window.newCircuit();
    const auto showPage = [&window, pageIndex] {
        if (pageIndex >= 0)
            window.workspaceTabs()->setCurrentIndex(pageIndex);
    };
    const bool running = parser.isSet(runFirst) && window.pilots()->run();
    if (running)
        QObject::connect(window.pilots()->runner(), &qpilot::PilotRunner::finished, &window, showPage);
    else
        showPage();

    if (parser.isSet(screenshot)) {
        const QString png = parser.value(screenshot);
        window.resize(windowSize);
        window.show();
        // Grab once the live results are in (or after 5 s when they never come).
        auto grabbed = std::make_shared<bool>(false);
        auto grab = [&window, png, grabbed] {
            if (*grabbed)
                return;
            *grabbed = true;
            const bool saved = window.grab().save(png);
            if (!saved)
                std::cerr << "qpilot: " << png.toStdString() << ": cannot write the screenshot\n";
            QCoreApplication::exit(saved ? qpilot::cli::ExitOk : qpilot::cli::ExitFailed);
        };
        if (running) {
            QObject::connect(window.pilots()->runner(), &qpilot::PilotRunner::finished, &window,
                             [grab] { QTimer::singleShot(1500, grab); }); // the report preview renders meanwhile
            QTimer::singleShot(300000, &window, grab);
            return QApplication::exec();
        }
        if (pageIndex > 0) // a pilot page: nothing live to wait for
            QTimer::singleShot(800, &window, grab);
        QObject::connect(window.resultsPanel(), &qpilot::ResultsPanel::updated, &window,
                         [grab] { QTimer::singleShot(200, grab); });
        QTimer::singleShot(5000, &window, grab);
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

    if (qpilot::cli::needsGuiApplication(args)) {
        // Rendering without showing anything: the offscreen platform works with or without a
        // display and gives the same PDF everywhere.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        useQuietRuntimeDir();
        QApplication app(argc, argv);
        setIdentity();
        return qpilot::cli::run(QCoreApplication::arguments().mid(1), std::cout, std::cerr);
    }
    QCoreApplication app(argc, argv);
    setIdentity();
    return qpilot::cli::run(QCoreApplication::arguments().mid(1), std::cout, std::cerr);
}
