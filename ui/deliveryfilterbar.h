// The deliveries view's filter controls and the same filter as editable URL-like text, kept in step.
#pragma once

#include "models/storage/deliveryfilter.h"

#include <QStringList>
#include <QWidget>

#include <functional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

// The filter itself is the truth; each control changes only its own part of it, so values the controls cannot
// show exactly (a time with seconds, a webhook given by id) survive from the text. The free-text search waits
// for a pause in typing before it filters.
class DeliveryFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit DeliveryFilterBar(QWidget *parent = nullptr);

    DeliveryFilter filter() const { return m_filter; }
    // Shows the filter in the controls and the text; filterChanged() when it differs from the current one.
    void setFilter(const DeliveryFilter &filter);
    // What typing the text and pressing Enter does: on an error the filter stays and the error is shown.
    bool applyFilterText(const QString &text);
    // The webhooks offered (names); a filter may still name one that is not among them (e.g. deleted).
    void setWebhookNames(const QStringList &names);
    // Milliseconds the search waits after the last key; 0 filters at once.
    void setSearchDelay(int milliseconds);

    QComboBox *webhookCombo() const { return m_webhookCombo; }
    QComboBox *eventTypeCombo() const { return m_eventTypeCombo; }
    QComboBox *resultCombo() const { return m_resultCombo; }
    QComboBox *statusCombo() const { return m_statusCombo; }
    QComboBox *timeRangeCombo() const { return m_timeRangeCombo; }
    QDateTimeEdit *fromEdit() const { return m_fromEdit; }
    QDateTimeEdit *toEdit() const { return m_toEdit; }
    QComboBox *triggerCombo() const { return m_triggerCombo; }
    QLineEdit *searchEdit() const { return m_searchEdit; }
    QLineEdit *filterTextEdit() const { return m_filterTextEdit; }
    QLabel *filterErrorLabel() const { return m_filterErrorLabel; }
    QPushButton *clearButton() const { return m_clearButton; }

signals:
    void filterChanged(const DeliveryFilter &filter);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showFilter();  // the controls and the text from m_filter, without signals
    void change(const std::function<void(DeliveryFilter &)> &edit);
    void timeRangeChosen();
    void customRangeEdited();
    void searchTyped();
    void showFilterError(const QString &error);
    QDateTime openLimit() const;

    DeliveryFilter m_filter;
    QStringList m_webhookNames;

    QLabel *m_webhookLabel;
    QComboBox *m_webhookCombo;
    QLabel *m_eventTypeLabel;
    QComboBox *m_eventTypeCombo;
    QLabel *m_resultLabel;
    QComboBox *m_resultCombo;
    QLabel *m_statusLabel;
    QComboBox *m_statusCombo;
    QLabel *m_triggerLabel;
    QComboBox *m_triggerCombo;
    QLabel *m_timeRangeLabel;
    QComboBox *m_timeRangeCombo;
    QLabel *m_fromLabel;
    QDateTimeEdit *m_fromEdit;
    QLabel *m_toLabel;
    QDateTimeEdit *m_toEdit;
    QLabel *m_searchLabel;
    QLineEdit *m_searchEdit;
    QTimer *m_searchTimer;
    QLabel *m_filterTextLabel;
    QLineEdit *m_filterTextEdit;
    QPushButton *m_clearButton;
    QLabel *m_filterErrorLabel;
};
