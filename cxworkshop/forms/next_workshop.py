# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'next_workshop.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_NextWorkshopDialog(object):
    def setupUi(self, NextWorkshopDialog):
        if not NextWorkshopDialog.objectName():
            NextWorkshopDialog.setObjectName(u"NextWorkshopDialog")
        self.mainLayout = QVBoxLayout(NextWorkshopDialog)
        self.mainLayout.setSpacing(16)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(28, 24, 28, 24)
        self.headingLabel = QLabel(NextWorkshopDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setProperty(u"cxRole", u"subheading")

        self.mainLayout.addWidget(self.headingLabel)

        self.summaryLabel = QLabel(NextWorkshopDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setProperty(u"cxRole", u"hint")

        self.mainLayout.addWidget(self.summaryLabel)

        self.detailsLayout = QFormLayout()
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.detailsLayout.setHorizontalSpacing(16)
        self.detailsLayout.setVerticalSpacing(12)
        self.dateLabel = QLabel(NextWorkshopDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.detailsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(NextWorkshopDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setDisplayFormat(u"d MMMM yyyy")
        self.dateEdit.setCalendarPopup(True)

        self.detailsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.titleLabel = QLabel(NextWorkshopDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.detailsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(NextWorkshopDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.detailsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)


        self.mainLayout.addLayout(self.detailsLayout)

        self.problemLabel = QLabel(NextWorkshopDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(NextWorkshopDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.titleLabel.setBuddy(self.titleEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.titleEdit)

        self.retranslateUi(NextWorkshopDialog)
        self.buttonBox.rejected.connect(NextWorkshopDialog.reject)

        QMetaObject.connectSlotsByName(NextWorkshopDialog)
    # setupUi

    def retranslateUi(self, NextWorkshopDialog):
        NextWorkshopDialog.setWindowTitle(QCoreApplication.translate("NextWorkshopDialog", u"Start the next workshop", None))
#if QT_CONFIG(accessibility)
        NextWorkshopDialog.setAccessibleName(QCoreApplication.translate("NextWorkshopDialog", u"Start the next workshop", None))
#endif // QT_CONFIG(accessibility)
        self.headingLabel.setText(QCoreApplication.translate("NextWorkshopDialog", u"Carry on from this workshop", None))
        self.summaryLabel.setText("")
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("NextWorkshopDialog", u"What carries over", None))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(QCoreApplication.translate("NextWorkshopDialog", u"&Held on", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("NextWorkshopDialog", u"Date of the next workshop", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("NextWorkshopDialog", u"&Title", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("NextWorkshopDialog", u"Title", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleDescription(QCoreApplication.translate("NextWorkshopDialog", u"Required; suggested from the quarter it is held in", None))
#endif // QT_CONFIG(accessibility)
        self.problemLabel.setText("")
    # retranslateUi

