// Builds the history chart from DeliveryLog::hourlyActivity: stacked hourly bars and latency lines on a second axis.
#include "ui/deliverychartdialog.h"

#include "models/storage/deliverylogtask.h"
#include "ui/screenfit.h"
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 HourMs = 3600 * 1000;

// Colours that read as "delivered" and "failed" for most colour-blind viewers too (blue-green against red-orange),
// and two latency lines distinct from both.
const QColor deliveredColour(0x2e, 0x7d, 0x5b);
const QColor failedColour(0xd8, 0x43, 0x15);
const QColor p50Colour(0x1f, 0x5f, 0xbf);
const QColor p95Colour(0x7b, 0x3f, 0xa0);

int hoursIn(DeliveryChartDialog::Range range)
{
    switch (range) {
    case DeliveryChartDialog::Range::Last24Hours: return 24;
    case DeliveryChartDialog::Range::Last7Days: return 7 * 24;
    case DeliveryChartDialog::Range::Last30Days: return 30 * 24;
    }
    return 24;
}

// A step of 1, 2 or 5 times a power of ten that divides 0..maximum into at most six intervals, so that axis
// labels are whole numbers people read at a glance.
qint64 niceStep(qint64 maximum)
{
    qint64 magnitude = 1;
    for (;;) {
        for (qint64 factor : {1, 2, 5}) {
            if (maximum <= factor * magnitude * 6)
                return factor * magnitude;
        }
        magnitude *= 10;
    }
}

void setNiceRange(QValueAxis *axis, qint64 maximum)
{
    const qint64 step = niceStep(std::max<qint64>(maximum, 1));
    const qint64 top = std::max<qint64>(step, (maximum + step - 1) / step * step);
    axis->setRange(0, double(top));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(double(step));
    axis->setLabelFormat(u"%d"_s);
}

} // namespace

DeliveryChartDialog::DeliveryChartDialog(Database &database, const Webhook &webhook, QWidget *parent)
    : QDialog(parent)
    , m_url(database.url())
    , m_password(database.password())
    , m_webhookId(webhook.id)
    , m_webhookName(webhook.name)
    , m_rangeLabel(new QLabel(this))
    , m_rangeCombo(new QComboBox(this))
    , m_refreshButton(new QPushButton(this))
    , m_busy(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_chartView(new QChartView(this))
    , m_message(new QLabel(this))
{
    m_rangeLabel->setBuddy(m_rangeCombo);
    for (int i = 0; i < 3; ++i)
        m_rangeCombo->addItem(QString());
    auto *top = new QHBoxLayout;
    top->addWidget(m_rangeLabel);
    top->addWidget(m_rangeCombo);
    top->addWidget(m_refreshButton);
    top->addSpacing(12);
    top->addWidget(m_busy);
    top->addWidget(m_summary, 1);
    m_busy->setObjectName(u"historyBusy"_s);
    m_busy->setRange(0, 0);  // one query: nothing to count, only that it runs
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_summary->setObjectName(u"historySummary"_s);

    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumSize(640, 360);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);
    m_stack->addWidget(m_chartView);
    m_stack->addWidget(m_message);
    m_stack->setCurrentWidget(m_message);  // until there is a chart to show

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_closeButton = buttons->button(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    layout->addWidget(buttons);

    connect(m_rangeCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        setRange(Range(std::clamp(index, 0, 2)));
    });
    connect(m_refreshButton, &QPushButton::clicked, this, &DeliveryChartDialog::reload);

    ScreenFit::resize(this, {900, 520});
    retranslate();
    reload();
}

void DeliveryChartDialog::setRange(Range range)
{
    if (m_rangeCombo->currentIndex() != int(range)) {
        m_rangeCombo->setCurrentIndex(int(range)); // comes back here through currentIndexChanged
        return;
    }
    if (range == m_range)
        return;
    m_range = range;
    reload();
}

void DeliveryChartDialog::setEnd(const QDateTime &end)
{
    m_fixedEnd = end.isValid() ? end.toUTC() : QDateTime();
    reload();
}

bool DeliveryChartDialog::showsChart() const
{
    return m_stack->currentWidget() == m_chartView;
}

QString DeliveryChartDialog::message() const
{
    return showsChart() ? QString() : m_message->text();
}

QChart *DeliveryChartDialog::chart() const
{
    return m_chartView->chart();
}

DeliveryChartDialog::~DeliveryChartDialog() = default;  // m_task's destructor interrupts the read

void DeliveryChartDialog::reload()
{
    // Whole hours: the last bar is the hour in progress, so a chart opened at 10:20 ends with 10:00-11:00.
    const QDateTime end = m_fixedEnd.isValid() ? m_fixedEnd : QDateTime::currentDateTimeUtc();
    const qint64 endMs = end.toMSecsSinceEpoch();
    const qint64 toMs = (endMs + HourMs - 1) / HourMs * HourMs;
    m_to = QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC);
    m_from = m_to.addMSecs(-qint64(hoursIn(m_range)) * HourMs);

    m_task.reset();  // a read of another range or end: interrupted, and its result never comes here
    if (m_webhookId.isEmpty()) {
        readFinished(QList<DeliveryHourBucket>());
        return;
    }
    // Not read until the task says otherwise: a read cancelled while it connected does not run.
    auto buckets = std::make_shared<Result<QList<DeliveryHourBucket>>>(Failure{});
    m_task = std::make_unique<DeliveryLogTask>(
        m_url, m_password, DeliveryLogTask::Stop::AtOnce,
        [webhookId = m_webhookId, from = m_from, to = m_to, buckets](Database &database,
                                                                    const DeliveryLog::Progress &) {
            *buckets = DeliveryLog(database).hourlyActivity(webhookId, from, to);
        });
    connect(m_task.get(), &DeliveryLogTask::finished, this, [this, buckets] {
        const QString connectionError = m_task->connectionError();
        m_task.release()->deleteLater();  // its finished() is being delivered: not deleted from inside it
        readFinished(connectionError.isEmpty() ? *buckets : Failure{ErrorCode::Unavailable, connectionError});
    });
    m_task->start();
    showReading();
}

void DeliveryChartDialog::done(int result)
{
    if (m_task) {
        m_task.reset();
        m_busy->hide();
        m_readInterrupted = true;
    }
    QDialog::done(result);
}

void DeliveryChartDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // Shown again after closing interrupted a read: read it now.
    if (m_readInterrupted) {
        m_readInterrupted = false;
        reload();
    }
}

void DeliveryChartDialog::showReading()
{
    m_busy->show();
    m_summary->setText(tr("Reading the delivery history…"));
    // The chart of the previous range stays until the new one is there; a message would only mislead.
    if (!showsChart()) {
        m_message->setText(tr("Reading the delivery history of “%1”…").arg(m_webhookName));
        m_stack->setCurrentWidget(m_message);
    }
}

void DeliveryChartDialog::readFinished(const Result<QList<DeliveryHourBucket>> &buckets)
{
    m_busy->hide();
    m_error.reset();
    if (buckets) {
        m_buckets = *buckets;
    } else {
        m_buckets.clear();
        m_error = buckets.message();
    }
    rebuildChart();
    emit reloaded();
}

QString DeliveryChartDialog::rangeText() const
{
    switch (m_range) {
    case Range::Last24Hours: return tr("last 24 hours");
    case Range::Last7Days: return tr("last 7 days");
    case Range::Last30Days: return tr("last 30 days");
    }
    return {};
}

void DeliveryChartDialog::showMessage()
{
    if (m_error) {
        m_message->setText(tr("The delivery history of “%1” could not be read: %2").arg(m_webhookName, *m_error));
    } else {
        switch (m_range) {
        case Range::Last24Hours:
            m_message->setText(tr("No attempts to deliver to “%1” in the last 24 hours.").arg(m_webhookName));
            break;
        case Range::Last7Days:
            m_message->setText(tr("No attempts to deliver to “%1” in the last 7 days.").arg(m_webhookName));
            break;
        case Range::Last30Days:
            m_message->setText(tr("No attempts to deliver to “%1” in the last 30 days.").arg(m_webhookName));
            break;
        }
    }
    m_summary->clear();
    m_stack->setCurrentWidget(m_message);
}

void DeliveryChartDialog::rebuildChart()
{
    qint64 delivered = 0;
    qint64 failed = 0;
    qint64 busiestHour = 0;
    qint64 slowest = 0;
    for (const DeliveryHourBucket &bucket : std::as_const(m_buckets)) {
        delivered += bucket.successes;
        failed += bucket.failures;
        busiestHour = std::max<qint64>(busiestHour, bucket.successes + bucket.failures);
        slowest = std::max(slowest, bucket.latencyP95Ms.value_or(0));
    }
    if (m_error || delivered + failed == 0) {
        showMessage();
        return;
    }
    m_summary->setText(tr("%1 attempts in the %2: %3 delivered, %4 failed.")
                           .arg(QLocale().toString(delivered + failed), rangeText(), QLocale().toString(delivered),
                                QLocale().toString(failed)));

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));

    // Bars: one category per hour. Their labels are hidden, and the time axis below (shared with the latency
    // lines) spans exactly the same hours, so bar i sits under the middle of its hour on that axis.
    auto *bars = new QStackedBarSeries;
    auto *deliveredSet = new QBarSet(tr("Delivered"));
    auto *failedSet = new QBarSet(tr("Failed"));
    // Outlines in the bar's own colour: the theme's white outlines would split a week of touching bars into stripes.
    deliveredSet->setColor(deliveredColour);
    deliveredSet->setPen(QPen(deliveredColour, 1.0));
    failedSet->setColor(failedColour);
    failedSet->setPen(QPen(failedColour, 1.0));
    QStringList categories;
    categories.reserve(m_buckets.size());
    for (qsizetype i = 0; i < m_buckets.size(); ++i) {
        deliveredSet->append(m_buckets.at(i).successes);
        failedSet->append(m_buckets.at(i).failures);
        categories << QString::number(i);
    }
    bars->append(deliveredSet);
    bars->append(failedSet);
    bars->setBarWidth(m_buckets.size() <= 48 ? 0.8 : 1.0);
    chart->addSeries(bars);

    auto *hours = new QBarCategoryAxis;
    hours->append(categories);
    hours->setVisible(false);
    chart->addAxis(hours, Qt::AlignBottom);
    bars->attachAxis(hours);

    auto *time = new QDateTimeAxis;
    time->setRange(m_from, m_to);
    switch (m_range) {
    case Range::Last24Hours:
        time->setFormat(u"HH:mm"_s);
        time->setTickCount(7);  // every 4 hours
        break;
    case Range::Last7Days:
        time->setFormat(u"ddd HH:mm"_s);
        time->setTickCount(8);  // every day
        break;
    case Range::Last30Days:
        time->setFormat(u"d MMM"_s);
        time->setTickCount(7);  // every 5 days
        break;
    }
    time->setTitleText(tr("Time (this computer's time zone)"));
    chart->addAxis(time, Qt::AlignBottom);

    auto *counts = new QValueAxis;
    setNiceRange(counts, busiestHour);
    counts->setTitleText(tr("Attempts per hour"));
    chart->addAxis(counts, Qt::AlignLeft);
    bars->attachAxis(counts);

    // Logarithmic, because one timeout (15,000 ms) next to typical answers (100 ms) would flatten the median line
    // onto the bottom of a linear axis, and the median is what shows a receiver getting slow.
    auto *latency = new QLogValueAxis;
    latency->setBase(10);
    latency->setRange(1, std::pow(10.0, std::ceil(std::log10(double(std::max<qint64>(slowest, 10)) + 1e-9))));
    latency->setLabelFormat(u"%g"_s);
    // The attempts axis draws the grid; a second, unaligned grid would only be noise.
    latency->setMinorTickCount(0);
    latency->setGridLineVisible(false);
    latency->setTitleText(tr("Latency (ms, logarithmic)"));
    chart->addAxis(latency, Qt::AlignRight);

    // A line breaks where an hour has no latency: joining across it would invent figures for hours without
    // attempts. Each unbroken stretch is a series of its own, and only the first shows in the legend.
    // Points on every hour read well on 24 bars; on a week or a month they would bury the line.
    const bool dense = m_buckets.size() > 48;
    auto addLines = [&](const QString &name, const QColor &colour, std::optional<qint64> DeliveryHourBucket::*member) {
        QList<QLineSeries *> stretches;
        QLineSeries *current = nullptr;
        bool first = true;
        for (const DeliveryHourBucket &bucket : std::as_const(m_buckets)) {
            const std::optional<qint64> value = bucket.*member;
            if (!value) {
                current = nullptr;
                continue;
            }
            if (!current) {
                current = new QLineSeries;
                current->setName(name);
                QPen pen(colour);
                pen.setWidthF(dense ? 1.5 : 2.0);
                current->setPen(pen);
                current->setColor(colour);
                current->setMarkerSize(dense ? 4 : 6);
                stretches << current;
                chart->addSeries(current);
                current->attachAxis(time);
                current->attachAxis(latency);
                if (!first) {
                    const QList<QLegendMarker *> markers = chart->legend()->markers(current);
                    for (QLegendMarker *marker : markers)
                        marker->setVisible(false);
                }
                first = false;
            }
            const qint64 middle = bucket.hourStartMs + HourMs / 2;
            // A logarithmic axis has no zero: an answer within the millisecond is drawn at 1 ms.
            current->append(double(middle), double(std::max<qint64>(*value, 1)));
        }
        // A lone hour between gaps is a single point, which a line alone would not draw.
        for (QLineSeries *stretch : std::as_const(stretches))
            stretch->setPointsVisible(!dense || stretch->count() == 1);
    };
    addLines(tr("Latency p50"), p50Colour, &DeliveryHourBucket::latencyP50Ms);
    addLines(tr("Latency p95"), p95Colour, &DeliveryHourBucket::latencyP95Ms);

    chart->setTitle(tr("Deliveries to “%1”").arg(m_webhookName));
    // The view owns the chart it is given and hands the one it replaces back to us.
    const std::unique_ptr<QChart> replaced(m_chartView->chart());
    m_chartView->setChart(chart);
    m_stack->setCurrentWidget(m_chartView);
}

void DeliveryChartDialog::retranslate()
{
    setWindowTitle(tr("Delivery history of “%1”").arg(m_webhookName));
    m_rangeLabel->setText(tr("&Range:"));
    m_rangeCombo->setItemText(int(Range::Last24Hours), tr("Last 24 hours"));
    m_rangeCombo->setItemText(int(Range::Last7Days), tr("Last 7 days"));
    m_rangeCombo->setItemText(int(Range::Last30Days), tr("Last 30 days"));
    m_refreshButton->setText(tr("Re&fresh"));
    m_closeButton->setText(tr("Close"));
}

void DeliveryChartDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // Axis titles, legend and messages are built with the chart.
        if (isLoading())
            showReading();
        else
            rebuildChart();
    }
    QDialog::changeEvent(event);
}
