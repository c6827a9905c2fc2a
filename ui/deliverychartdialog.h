// One webhook's delivery history as a chart: attempts per hour (delivered vs failed) and latency p50/p95.
#pragma once

#include "models/storage/deliverylog.h"
#include "models/domain/webhook.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class Database;
class DeliveryLogTask;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

// Non-modal: show() it. It reads the webhook's hours from DeliveryLog::hourlyActivity when opened, when the range
// changes and on Refresh, in a DeliveryLogTask on a connection of its own, so that a month of a busy webhook on a
// slow server never holds up the window. Meanwhile a busy bar runs and the chart shown so far stays; a new read
// or closing the dialog interrupts the one in hand. A range without attempts shows a message instead of an empty
// chart.
class DeliveryChartDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Range { Last24Hours, Last7Days, Last30Days };
    Q_ENUM(Range)

    // database: its URL and password open the dialog's own connection; only webhook's id and name are used.
    DeliveryChartDialog(Database &database, const Webhook &webhook, QWidget *parent = nullptr);
    // Interrupts a read in hand without waiting for it.
    ~DeliveryChartDialog() override;

    Range range() const { return m_range; }
    void setRange(Range range);
    // The end of the charted range: now, unless fixed here (a test, or a chart of a past incident); an invalid
    // value returns to now. Reloads.
    void setEnd(const QDateTime &end);

    // What is shown, for the views' tests and for copying figures.
    const QList<DeliveryHourBucket> &buckets() const { return m_buckets; }
    bool showsChart() const;
    QString message() const;  // the empty-range, error or "reading" message, when no chart is shown
    QChart *chart() const;
    // A read is running; reloaded() follows when it is done.
    bool isLoading() const { return m_task != nullptr; }

public slots:
    // Reads the range again in the background, interrupting a read in hand.
    void reload();

signals:
    // The range that was read is shown (or why it could not be read).
    void reloaded();

protected:
    void changeEvent(QEvent *event) override;
    // Closing interrupts the read in hand; showing the dialog again reads anew.
    void done(int result) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    void showReading();
    void readFinished(const Result<QList<DeliveryHourBucket>> &buckets);
    void rebuildChart();
    void showMessage();
    QString rangeText() const;

    DatabaseUrl m_url;
    QString m_password;
    QString m_webhookId;
    QString m_webhookName;
    Range m_range = Range::Last24Hours;
    QDateTime m_fixedEnd;
    QDateTime m_from;
    QDateTime m_to;
    QList<DeliveryHourBucket> m_buckets;
    std::optional<QString> m_error;
    std::unique_ptr<DeliveryLogTask> m_task;  // the read in hand
    bool m_readInterrupted = false;           // by closing the dialog

    QLabel *m_rangeLabel;
    QComboBox *m_rangeCombo;
    QPushButton *m_refreshButton;
    QProgressBar *m_busy;
    QLabel *m_summary;
    QStackedWidget *m_stack;
    QChartView *m_chartView;
    QLabel *m_message;
    QPushButton *m_closeButton;
};
