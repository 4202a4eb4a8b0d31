# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'workshop_details.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QSizePolicy, QWidget)

class Ui_WorkshopDetailsForm(object):
    def setupUi(self, WorkshopDetailsForm):
        if not WorkshopDetailsForm.objectName():
            WorkshopDetailsForm.setObjectName(u"WorkshopDetailsForm")
        WorkshopDetailsForm.resize(960, 160)
        self.grid = QGridLayout(WorkshopDetailsForm)
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(12)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.titleLabel = QLabel(WorkshopDetailsForm)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.titleLabel, 0, 0, 1, 1)

        self.titleEdit = QLineEdit(WorkshopDetailsForm)
        self.titleEdit.setObjectName(u"titleEdit")

        self.grid.addWidget(self.titleEdit, 0, 1, 1, 1)

        self.organisationLabel = QLabel(WorkshopDetailsForm)
        self.organisationLabel.setObjectName(u"organisationLabel")
        self.organisationLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.organisationLabel, 1, 0, 1, 1)

        self.organisationEdit = QLineEdit(WorkshopDetailsForm)
        self.organisationEdit.setObjectName(u"organisationEdit")

        self.grid.addWidget(self.organisationEdit, 1, 1, 1, 1)

        self.dateLabel = QLabel(WorkshopDetailsForm)
        self.dateLabel.setObjectName(u"dateLabel")
        self.dateLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.dateLabel, 2, 0, 1, 1)

        self.dateRow = QHBoxLayout()
        self.dateRow.setSpacing(10)
        self.dateRow.setObjectName(u"dateRow")
        self.hasDateCheck = QCheckBox(WorkshopDetailsForm)
        self.hasDateCheck.setObjectName(u"hasDateCheck")

        self.dateRow.addWidget(self.hasDateCheck)

        self.dateEdit = QDateEdit(WorkshopDetailsForm)
        self.dateEdit.setObjectName(u"dateEdit")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.dateEdit.sizePolicy().hasHeightForWidth())
        self.dateEdit.setSizePolicy(sizePolicy)
        self.dateEdit.setCalendarPopup(True)

        self.dateRow.addWidget(self.dateEdit)


        self.grid.addLayout(self.dateRow, 2, 1, 1, 1)

        self.facilitatorLabel = QLabel(WorkshopDetailsForm)
        self.facilitatorLabel.setObjectName(u"facilitatorLabel")
        self.facilitatorLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.facilitatorLabel, 0, 2, 1, 1)

        self.facilitatorEdit = QLineEdit(WorkshopDetailsForm)
        self.facilitatorEdit.setObjectName(u"facilitatorEdit")

        self.grid.addWidget(self.facilitatorEdit, 0, 3, 1, 1)

        self.sponsorNameLabel = QLabel(WorkshopDetailsForm)
        self.sponsorNameLabel.setObjectName(u"sponsorNameLabel")
        self.sponsorNameLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.sponsorNameLabel, 1, 2, 1, 1)

        self.sponsorNameEdit = QLineEdit(WorkshopDetailsForm)
        self.sponsorNameEdit.setObjectName(u"sponsorNameEdit")

        self.grid.addWidget(self.sponsorNameEdit, 1, 3, 1, 1)

        self.sponsorTitleLabel = QLabel(WorkshopDetailsForm)
        self.sponsorTitleLabel.setObjectName(u"sponsorTitleLabel")
        self.sponsorTitleLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.sponsorTitleLabel, 2, 2, 1, 1)

        self.sponsorTitleEdit = QLineEdit(WorkshopDetailsForm)
        self.sponsorTitleEdit.setObjectName(u"sponsorTitleEdit")

        self.grid.addWidget(self.sponsorTitleEdit, 2, 3, 1, 1)

        self.languageRow = QHBoxLayout()
        self.languageRow.setSpacing(10)
        self.languageRow.setObjectName(u"languageRow")
        self.languageLabel = QLabel(WorkshopDetailsForm)
        self.languageLabel.setObjectName(u"languageLabel")
        self.languageLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.languageRow.addWidget(self.languageLabel)

        self.languageCombo = QComboBox(WorkshopDetailsForm)
        self.languageCombo.setObjectName(u"languageCombo")
        self.languageCombo.setEditable(True)
        self.languageCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.languageRow.addWidget(self.languageCombo)


        self.grid.addLayout(self.languageRow, 3, 0, 1, 2)

        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.organisationLabel.setBuddy(self.organisationEdit)
        self.dateLabel.setBuddy(self.hasDateCheck)
        self.facilitatorLabel.setBuddy(self.facilitatorEdit)
        self.sponsorNameLabel.setBuddy(self.sponsorNameEdit)
        self.sponsorTitleLabel.setBuddy(self.sponsorTitleEdit)
        self.languageLabel.setBuddy(self.languageCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.organisationEdit)
        QWidget.setTabOrder(self.organisationEdit, self.hasDateCheck)
        QWidget.setTabOrder(self.hasDateCheck, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.facilitatorEdit)
        QWidget.setTabOrder(self.facilitatorEdit, self.sponsorNameEdit)
        QWidget.setTabOrder(self.sponsorNameEdit, self.sponsorTitleEdit)
        QWidget.setTabOrder(self.sponsorTitleEdit, self.languageCombo)

        self.retranslateUi(WorkshopDetailsForm)

        QMetaObject.connectSlotsByName(WorkshopDetailsForm)
    # setupUi

    def retranslateUi(self, WorkshopDetailsForm):
#if QT_CONFIG(accessibility)
        WorkshopDetailsForm.setAccessibleName(QCoreApplication.translate("WorkshopDetailsForm", u"Workshop details", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("WorkshopDetailsForm", u"&Title", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("WorkshopDetailsForm", u"Workshop title", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("WorkshopDetailsForm", u"Spring CX workshop", None))
        self.organisationLabel.setText(QCoreApplication.translate("WorkshopDetailsForm", u"&Organisation", None))
#if QT_CONFIG(accessibility)
        self.organisationEdit.setAccessibleName(QCoreApplication.translate("WorkshopDetailsForm", u"Organisation", None))
#endif // QT_CONFIG(accessibility)
        self.organisationEdit.setPlaceholderText(QCoreApplication.translate("WorkshopDetailsForm", u"Who the workshop is for", None))
        self.dateLabel.setText(QCoreApplication.translate("WorkshopDetailsForm", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.hasDateCheck.setAccessibleName(QCoreApplication.translate("WorkshopDetailsForm", u"The workshop has a date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.hasDateCheck.setToolTip(QCoreApplication.translate("WorkshopDetailsForm", u"Untick while the date is not fixed yet", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("WorkshopDetailsForm", u"Workshop date", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setSpecialValueText(QCoreApplication.translate("WorkshopDetailsForm", u"No date set", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("WorkshopDetailsForm", u"d MMMM yyyy", None))
        self.facilitatorLabel.setText(QCoreApplication.translate("WorkshopDetailsForm", u"&Facilitator", None))
#if QT_CONFIG(accessibility)
        self.facilitatorEdit.setAccessibleName(QCoreApplication.translate("WorkshopDetailsForm", u"Facilitator", None))
#endif // QT_CONFIG(accessibility)
        self.facilitatorEdit.setPlaceholderText(QCoreApplication.translate("WorkshopDetailsForm", u"Who runs the session", None))
        self.sponsorNameLabel.setText(QCoreApplication.translate("WorkshopDetailsForm", u"&Sponsor", None))
#if QT_CONFIG(accessibility)
        self.sponsorNameEdit.setAccessibleName(QCoreApplication.translate("WorkshopDetailsForm", u"Sponsor's name", None))
#endif // QT_CONFIG(accessibility)
        self.sponsorNameEdit.setPlaceholderText(QCoreApplication.translate("WorkshopDetailsForm", u"The senior leader accountable for CX", None))
        self.sponsorTitleLabel.setText(QCoreApplication.translate("WorkshopDetailsForm", u"Sponsor's &role", None))
#if QT_CONFIG(accessibility)
        self.sponsorTitleEdit.setAccessibleName(QCoreApplication.translate("WorkshopDetailsForm", u"Sponsor's title", None))
#endif // QT_CONFIG(accessibility)
        self.sponsorTitleEdit.setPlaceholderText(QCoreApplication.translate("WorkshopDetailsForm", u"Chief Executive Officer", None))
        self.languageLabel.setText(QCoreApplication.translate("WorkshopDetailsForm", u"&Language", None))
#if QT_CONFIG(accessibility)
        self.languageCombo.setAccessibleName(QCoreApplication.translate("WorkshopDetailsForm", u"Workshop language", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.languageCombo.setToolTip(QCoreApplication.translate("WorkshopDetailsForm", u"The language the charter is written in, so a screen reader reads it aloud correctly. Pick one or type a tag such as en-GB.", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

