// One webhook's delivery history as a chart: attempts per hour (delivered vs failed) and latency p50/p95.
#pragma once

#include "models/storage/deliverylog.h"
#include "models/domain/webhook.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QString>

#include <optional>

class Database;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;

// Non-modal: show() it. It reads the webhook's hours from DeliveryLog::hourlyActivity when opened, when the range
// changes and on Refresh; a range without attempts shows a message instead of an empty chart.
class DeliveryChartDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Range { Last24Hours, Last7Days, Last30Days };
    Q_ENUM(Range)

    // database must outlive the dialog; only webhook's id and name are used.
    DeliveryChartDialog(Database &database, const Webhook &webhook, QWidget *parent = nullptr);

    Range range() const { return m_range; }
    void setRange(Range range);
    // The end of the charted range: now, unless fixed here (a test, or a chart of a past incident); an invalid
    // value returns to now. Reloads.
    void setEnd(const QDateTime &end);

    // What is shown, for the views' tests and for copying figures.
    const QList<DeliveryHourBucket> &buckets() const { return m_buckets; }
    bool showsChart() const;
    QString message() const;  // the empty-range or error message, when no chart is shown
    QChart *chart() const;

public slots:
    void reload();

signals:
    void reloaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuildChart();
    void showMessage();
    QString rangeText() const;

    Database &m_database;
    QString m_webhookId;
    QString m_webhookName;
    Range m_range = Range::Last24Hours;
    QDateTime m_fixedEnd;
    QDateTime m_from;
    QDateTime m_to;
    QList<DeliveryHourBucket> m_buckets;
    std::optional<QString> m_error;

    QLabel *m_rangeLabel;
    QComboBox *m_rangeCombo;
    QPushButton *m_refreshButton;
    QLabel *m_summary;
    QStackedWidget *m_stack;
    QChartView *m_chartView;
    QLabel *m_message;
    QPushButton *m_closeButton;
};
