// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_deviceeditors.cpp — the device and price editors on the offscreen platform:
// QAbstractItemModelTester on DeviceProfilesModel (plain and checkable) and PriceEntriesModel;
// the key figures against the shipped profiles and price tables; calibration import of the
// tests/data/calibration fixtures through CalibrationImportDialog (preview, snapshot stored, listed
// by the view, loaded by findDevice) and its located errors; what-if copies through
// WhatIfCopyDialog (scaled errors = original × factor, loadable by the new id, listed as a user
// copy); PNG renders of both views.
#include "core/cost/cost.h"
#include "core/device/device.h"
#include "ui/devices/deviceeditors.h"
#include "support/test_setup.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <cmath>

using namespace qpilot;

namespace {

QString fixture(const char* name) { return QStringLiteral(QPILOT_TEST_DATA_DIR "/calibration/") + QString::fromLatin1(name); }

bool scaledBy(const std::optional<double>& copy, const std::optional<double>& original, double f)
{
    if (!original)
        return !copy;
    return copy && std::abs(*copy - *original * f) <= 1e-12 * std::max(1.0, *original * f);
}

} // namespace

class TestDeviceEditors : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_data;

private slots:
    void initTestCase()
    {
        test::isolateSettings("tst_deviceeditors");
        QVERIFY(m_data.isValid());
        qputenv("QPILOT_DATA_DIR", m_data.path().toLocal8Bit());
    }

    void profilesModel()
    {
        DeviceProfilesModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.reload();
        const auto shipped = builtinDevices();
        QCOMPARE(m.rowCount(), int(shipped.size())); // empty stores
        const int fez = m.rowOf("ibm_fez");
        QVERIFY(fez >= 0);
        const DeviceProfile& d = m.entry(fez)->profile;
        QCOMPARE(m.data(m.index(fez, DeviceProfilesModel::Qubits)).toInt(), d.numQubits);
        QCOMPARE(m.data(m.index(fez, DeviceProfilesModel::Error2q)).toString(), QString::number(*d.gateError2q, 'g', 3));
        QCOMPARE(m.data(m.index(fez, DeviceProfilesModel::Date)).toString(), QString::fromStdString(d.calibrationDate));
        QCOMPARE(m.data(m.index(fez, DeviceProfilesModel::Source)).toString(), QStringLiteral("[S10]"));
        QCOMPARE(m.data(m.index(fez, DeviceProfilesModel::Error2q), Qt::ToolTipRole).toString(),
                 QString::fromStdString(fieldSource(d, "medians.gate_error_2q")));
        // The price is the default plan's unit price from the price table.
        const cost::PriceTable prices = cost::builtinPrices(); // find() points into the table: keep it
        auto row = prices.find(d.pricing);
        QVERIFY(row);
        QCOMPARE((*row)->model, cost::PriceModel::PerSecond);
        QCOMPARE(m.data(m.index(fez, DeviceProfilesModel::Price)).toString(),
                 QStringLiteral("$%1/s (%2)").arg(QString::number((*row)->usdPerSecond, 'g', 4), QString::fromStdString((*row)->plan)));
        // A figure the provider does not publish says so.
        for (const DeviceProfile& p : shipped)
            if (!p.gateError2q)
                QCOMPARE(m.data(m.index(m.rowOf(QString::fromStdString(p.id)), DeviceProfilesModel::Error2q)).toString(),
                         QStringLiteral("not published"));
        // Checkable mode: checking keeps the order of the clicks.
        m.setCheckable(true);
        QSignalSpy spy(&m, &DeviceProfilesModel::checkedIdsEdited);
        QVERIFY(m.setData(m.index(m.rowOf("iqm_garnet"), 0), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(m.setData(m.index(fez, 0), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(m.checkedIds(), (QStringList{"iqm_garnet", "ibm_fez"}));
        QVERIFY(m.setData(m.index(m.rowOf("iqm_garnet"), 0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(m.checkedIds(), QStringList{"ibm_fez"});
        QCOMPARE(spy.count(), 3);
        QVERIFY(!m.setData(m.index(fez, DeviceProfilesModel::Id), "x", Qt::EditRole)); // figures are read-only
    }

    void priceModel()
    {
        PriceTablesView view;
        PriceEntriesModel* m = view.model();
        QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const cost::PriceTable table = cost::builtinPrices();
        QCOMPARE(m->rowCount(), int(table.rows.size()));
        for (int r = 0; r < m->rowCount(); ++r) {
            const cost::PriceRow& row = table.rows[size_t(r)];
            QCOMPARE(m->data(m->index(r, PriceEntriesModel::Key)).toString(), QString::fromStdString(row.key));
            QCOMPARE(m->data(m->index(r, PriceEntriesModel::Date)).toString(), QString::fromStdString(row.date));
            QCOMPARE(m->data(m->index(r, PriceEntriesModel::Source)).toString(), QString::fromStdString(row.source));
            QVERIFY(!row.date.empty() && !row.source.empty());
            if (row.model == cost::PriceModel::PerTaskShot)
                QVERIFY(m->data(m->index(r, PriceEntriesModel::UnitPrices)).toString().contains(
                    QStringLiteral("$%1/shot").arg(QString::number(row.usdPerShot, 'g', 6))));
        }
        m->setTable({});
        QCOMPARE(m->rowCount(), 0);
        // A broken user price file is reported, the shipped tables stay.
        QTemporaryDir dir;
        QFile bad(dir.filePath("bad.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"format_version\": 1, \"rows\": [");
        bad.close();
        PriceTablesView withBad(nullptr, dir.path());
        QVERIFY(withBad.findChild<QLabel*>("priceStatus")->text().contains("bad.json"));
        QCOMPARE(withBad.model()->rowCount(), int(table.rows.size()));
    }

    // "What-if copy…" of IBM Pay-As-You-Go at ×0.5 with a contract as its source: saved in the
    // store, listed in italics beside the published entry (which stays), selected; a free plan
    // has nothing to scale; an empty source cannot be saved.
    void priceWhatIfCopy()
    {
        QTemporaryDir dir;
        PriceTablesView view(nullptr, dir.filePath("prices"));
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const cost::PriceTable shipped = cost::builtinPrices();
        auto rowOf = [&view](const std::string& key, const std::string& plan) {
            for (int i = 0; i < view.model()->rowCount(); ++i)
                if (view.model()->row(i)->key == key && view.model()->row(i)->plan == plan)
                    return i;
            return -1;
        };
        auto* button = view.findChild<QPushButton*>("priceWhatIf");
        QVERIFY(button);
        view.selectRow(rowOf("ibm", "open"));
        QVERIFY(!button->isEnabled()); // free: no rates
        view.selectRow(rowOf("ibm", "payg"));
        QVERIFY(button->isEnabled());
        QString problem;
        QTimer::singleShot(0, this, [&problem] {
            auto* d = qobject_cast<PriceWhatIfDialog*>(QApplication::activeModalWidget());
            if (!d) {
                problem = "no dialog";
                return;
            }
            d->setFactor(0.5);
            auto* create = d->findChild<QPushButton*>("createPriceCopy");
            d->setSource(QString());
            if (create->isEnabled())
                problem = "an empty source can be saved";
            d->setSource(QStringLiteral("contract Q-2026-114"));
            if (!d->findChild<QLabel*>("priceWhatIfSummary")->text().contains("$1.6/s \u2192 $0.8/s"))
                problem = d->findChild<QLabel*>("priceWhatIfSummary")->text();
            create->click();
        });
        QSignalSpy created(&view, &PriceTablesView::priceCopyCreated);
        view.openWhatIfCopy();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(created.count(), 1);
        const QString path = created.first().at(0).toString();
        QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("ibm--payg.json"));
        QCOMPARE(created.first().at(1).toBool(), false); // no pilot open: not offered
        QCOMPARE(view.model()->rowCount(), int(shipped.rows.size()) + 1);
        const int copy = view.table()->currentIndex().row();
        const cost::PriceRow* r = view.model()->row(copy);
        QCOMPARE(QString::fromStdString(r->file), path);
        QCOMPARE(r->usdPerSecond, 0.8);
        QCOMPARE(r->source, std::string("contract Q-2026-114"));
        QCOMPARE(r->date, QDate::currentDate().toString(Qt::ISODate).toStdString());
        QVERIFY(view.model()->data(view.model()->index(copy, PriceEntriesModel::Plan), Qt::FontRole).value<QFont>().italic());
        const int published = rowOf("ibm", "payg");
        QCOMPARE(view.model()->row(published)->usdPerSecond, 1.6); // the published entry stays, first
        QVERIFY(!view.model()->data(view.model()->index(published, PriceEntriesModel::Plan), Qt::FontRole).isValid());
        // A new view finds the copy in the store.
        PriceTablesView again(nullptr, dir.filePath("prices"));
        QCOMPARE(again.model()->rowCount(), int(shipped.rows.size()) + 1);
        QVERIFY(again.findChild<QLabel*>("priceStatus")->text().contains("1 what-if file(s) of yours"));
    }

    void calibrationImport_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("snapshot");
        QTest::addColumn<int>("qubits");
        QTest::newRow("qiskit props + conf") << QStringList{fixture("props_lab7.json"), fixture("conf_lab7.json")}
                                             << "ibm_lab7@2025-03-14" << 7;
        QTest::newRow("conf first") << QStringList{fixture("conf_lab7.json"), fixture("props_lab7.json")} << "ibm_lab7@2025-03-14" << 7;
        QTest::newRow("props only") << QStringList{fixture("props_lab7.json")} << "ibm_lab7@2025-03-14" << 7;
        QTest::newRow("IBM REST replies") << QStringList{fixture("rest_properties_heron5.json"), fixture("rest_configuration_heron5.json")}
                                          << "ibm_heron5@" << 5;
    }
    void calibrationImport()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, snapshot);
        QFETCH(int, qubits);
        CalibrationImportDialog dialog(nullptr);
        QCOMPARE(dialog.store(), QString::fromStdString(defaultCalibrationStore()));
        dialog.setFiles(files);
        QVERIFY2(dialog.preview(), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.preview()->profile.numQubits, qubits);
        QVERIFY(dialog.previewText().contains(QStringLiteral("Qubits: %1").arg(qubits)));
        QVERIFY(dialog.findChild<QPushButton*>("importButton")->isEnabled());
        QSignalSpy imported(&dialog, &CalibrationImportDialog::imported);
        auto saved = dialog.importNow();
        QVERIFY2(saved, saved ? "" : saved.error().toString().c_str());
        const QString id = QString::fromStdString(saved->snapshot.id);
        QVERIFY(id.startsWith(snapshot));
        QCOMPARE(imported.count(), 1);
        QVERIFY(QFile::exists(QString::fromStdString(saved->snapshot.path)));
        // Pilots and the view find it by id.
        auto loaded = findDevice(id.toStdString());
        QVERIFY2(loaded, loaded ? "" : loaded.error().toString().c_str());
        QCOMPARE(loaded->numQubits, qubits);
        DeviceProfilesView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int row = view.model()->rowOf(id);
        QVERIFY(row >= 0);
        QCOMPARE(view.model()->entry(row)->origin, QStringLiteral("snapshot"));
        QVERIFY(view.selectDevice(id));
        QCOMPARE(view.selectedId(), id);
        QVERIFY(view.detailHtml().contains(QString::fromStdString(loaded->calibrationDate)));
    }

    void calibrationImportErrors_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("expected"); // in the error: the file, and what is wrong
        QTest::newRow("truncated JSON") << QStringList{fixture("props_lab7_truncated.json")} << "props_lab7_truncated.json:";
        QTest::newRow("no qubits") << QStringList{fixture("props_lab7_no_qubits.json")} << "props_lab7_no_qubits.json";
        QTest::newRow("bad unit") << QStringList{fixture("props_lab7_bad_unit.json")} << "fortnights";
        QTest::newRow("configuration alone") << QStringList{fixture("conf_lab7.json")} << "conf_lab7.json";
        QTest::newRow("missing file") << QStringList{fixture("nothing_here.json")} << "nothing_here.json";
        QTest::newRow("no file") << QStringList{} << "Choose a properties file";
    }
    void calibrationImportErrors()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, expected);
        QTemporaryDir store;
        CalibrationImportDialog dialog(nullptr, store.path());
        dialog.setFiles(files);
        QVERIFY(!dialog.preview());
        QVERIFY2(dialog.errorText().contains(expected), qPrintable(dialog.errorText()));
        QVERIFY(!dialog.findChild<QPushButton*>("importButton")->isEnabled());
        QVERIFY(!dialog.importNow());
        QVERIFY(QDir(store.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty()); // nothing written
    }

    void whatIfCopy_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<double>("e1");
        QTest::addColumn<double>("e2");
        QTest::addColumn<double>("ro");
        QTest::newRow("Heron 2q x0.5") << "ibm_fez" << 1.0 << 0.5 << 1.0;
        QTest::newRow("Eagle all errors x0.3") << "ibm_brisbane" << 0.3 << 0.3 << 0.3;
        QTest::newRow("H1 readout x2") << "quantinuum_h1_1" << 1.0 << 1.0 << 2.0;
    }
    void whatIfCopy()
    {
        QFETCH(QString, source);
        QFETCH(double, e1);
        QFETCH(double, e2);
        QFETCH(double, ro);
        auto original = findDevice(source.toStdString());
        QVERIFY(original);
        WhatIfCopyDialog dialog(builtinDevices());
        dialog.setSource(source);
        dialog.setScaling({e1, e2, ro, 1, 1});
        QVERIFY(dialog.newId().startsWith(source + "_")); // suggested id
        const QString id = source + QStringLiteral("_whatif");
        dialog.setNewId(id);
        QSignalSpy created(&dialog, &WhatIfCopyDialog::created);
        auto path = dialog.save();
        QVERIFY2(path, path ? "" : path.error().toString().c_str());
        QCOMPARE(created.count(), 1);
        auto copy = findDevice(id.toStdString());
        QVERIFY2(copy, copy ? "" : copy.error().toString().c_str());
        QVERIFY(scaledBy(copy->gateError1q, original->gateError1q, e1));
        QVERIFY(scaledBy(copy->gateError2q, original->gateError2q, e2));
        QVERIFY(scaledBy(copy->readoutError, original->readoutError, ro));
        QCOMPARE(copy->numQubits, original->numQubits);
        DeviceProfilesView view;
        const int row = view.model()->rowOf(id);
        QVERIFY(row >= 0);
        QCOMPARE(view.model()->entry(row)->origin, QStringLiteral("user copy"));
        QCOMPARE(view.model()->data(view.model()->index(row, DeviceProfilesModel::Error2q)).toString(),
                 copy->gateError2q ? QString::number(*copy->gateError2q, 'g', 3) : QStringLiteral("not published"));
        if (e2 != 1)
            QVERIFY(view.model()->data(view.model()->index(row, DeviceProfilesModel::Source)).toString().startsWith("what-if"));
    }

    void whatIfCopyRefusals()
    {
        WhatIfCopyDialog dialog(builtinDevices(), nullptr, m_data.filePath("elsewhere"));
        dialog.setSource("ibm_torino");
        dialog.setNewId("ibm_fez");
        QVERIFY(!dialog.copy());
        QVERIFY(!dialog.findChild<QPushButton*>("createCopy")->isEnabled());
        QVERIFY(dialog.findChild<QLabel*>("whatIfSummary")->text().contains("shipped device id"));
        dialog.setNewId("torino 2q");
        QVERIFY(!dialog.save());
        dialog.setNewId("torino_ok");
        QVERIFY(dialog.save());
        QVERIFY(QFile::exists(m_data.filePath("elsewhere/torino_ok.json")));
    }

    void renderScreenshots()
    {
        const QString out = qEnvironmentVariable("QPILOT_SCREENSHOT_DIR", QDir::temp().filePath("qpilot-screens"));
        QDir().mkpath(out);
        // a what-if price in the user store (the last case: the earlier ones expect none there)
        const cost::PriceTable shipped = cost::builtinPrices();
        auto contract = cost::scaledPriceCopy(*shipped.find("ibm", "payg").value(), 0.7, "2026-11-24");
        QVERIFY(contract.ok());
        contract.value().source = "contract Q-2026-114";
        QVERIFY(cost::saveUserPriceFile(contract.value(), cost::defaultUserPriceStore()).ok());
        for (const QSize size : {QSize(1920, 1080), QSize(1366, 768)}) {
            DeviceProfilesView devices;
            devices.resize(size);
            devices.show();
            devices.selectDevice("ibm_fez_whatif");
            QImage img = devices.grab().toImage();
            QCOMPARE(img.size(), size);
            QVERIFY(img.save(QStringLiteral("%1/device-editor-%2x%3.png").arg(out).arg(size.width()).arg(size.height())));
            PriceTablesView prices;
            prices.resize(size);
            prices.show();
            prices.selectRow(prices.model()->rowCount() - 1); // the what-if copy
            img = prices.grab().toImage();
            QVERIFY(img.save(QStringLiteral("%1/price-editor-%2x%3.png").arg(out).arg(size.width()).arg(size.height())));
        }
        WhatIfCopyDialog dialog(builtinDevices());
        dialog.setSource("ibm_fez");
        dialog.setScaling({1, 0.5, 1, 1, 1});
        dialog.show();
        QVERIFY(dialog.grab().toImage().save(out + "/device-editor-whatif-dialog.png"));
        PriceWhatIfDialog priceDialog(*shipped.find("braket:iqm_garnet").value(), true);
        priceDialog.setFactor(0.7);
        priceDialog.show();
        QVERIFY(priceDialog.grab().toImage().save(out + "/price-editor-whatif-dialog.png"));
        CalibrationImportDialog import(nullptr, m_data.filePath("preview-store"));
        import.setFiles({fixture("props_lab7.json"), fixture("conf_lab7.json")});
        import.show();
        QVERIFY(import.grab().toImage().save(out + "/device-editor-import-dialog.png"));
    }
};

QTEST_MAIN(TestDeviceEditors)
#include "tst_deviceeditors.moc"
