# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_workshop.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QRadioButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_NewWorkshopDialog(object):
    def setupUi(self, NewWorkshopDialog):
        if not NewWorkshopDialog.objectName():
            NewWorkshopDialog.setObjectName(u"NewWorkshopDialog")
        self.mainLayout = QVBoxLayout(NewWorkshopDialog)
        self.mainLayout.setSpacing(16)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(28, 24, 28, 24)
        self.headingLabel = QLabel(NewWorkshopDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setProperty(u"cxRole", u"subheading")

        self.mainLayout.addWidget(self.headingLabel)

        self.detailsLayout = QFormLayout()
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.detailsLayout.setHorizontalSpacing(16)
        self.detailsLayout.setVerticalSpacing(12)
        self.titleLabel = QLabel(NewWorkshopDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.detailsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(NewWorkshopDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.detailsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.organisationLabel = QLabel(NewWorkshopDialog)
        self.organisationLabel.setObjectName(u"organisationLabel")

        self.detailsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.organisationLabel)

        self.organisationEdit = QLineEdit(NewWorkshopDialog)
        self.organisationEdit.setObjectName(u"organisationEdit")

        self.detailsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.organisationEdit)

        self.dateLabel = QLabel(NewWorkshopDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.detailsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(NewWorkshopDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setDisplayFormat(u"d MMM yyyy")
        self.dateEdit.setCalendarPopup(True)

        self.detailsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateEdit)


        self.mainLayout.addLayout(self.detailsLayout)

        self.startGroup = QGroupBox(NewWorkshopDialog)
        self.startGroup.setObjectName(u"startGroup")
        self.startLayout = QVBoxLayout(self.startGroup)
        self.startLayout.setSpacing(8)
        self.startLayout.setObjectName(u"startLayout")
        self.prefilledRadio = QRadioButton(self.startGroup)
        self.prefilledRadio.setObjectName(u"prefilledRadio")
        self.prefilledRadio.setChecked(True)

        self.startLayout.addWidget(self.prefilledRadio)

        self.prefilledHint = QLabel(self.startGroup)
        self.prefilledHint.setObjectName(u"prefilledHint")
        self.prefilledHint.setWordWrap(True)
        self.prefilledHint.setIndent(28)
        self.prefilledHint.setProperty(u"cxRole", u"hint")

        self.startLayout.addWidget(self.prefilledHint)

        self.blankRadio = QRadioButton(self.startGroup)
        self.blankRadio.setObjectName(u"blankRadio")

        self.startLayout.addWidget(self.blankRadio)


        self.mainLayout.addWidget(self.startGroup)

        self.problemLabel = QLabel(NewWorkshopDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)
        self.problemLabel.setProperty(u"cxRole", u"muted")

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(NewWorkshopDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.organisationLabel.setBuddy(self.organisationEdit)
        self.dateLabel.setBuddy(self.dateEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.organisationEdit)
        QWidget.setTabOrder(self.organisationEdit, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.prefilledRadio)
        QWidget.setTabOrder(self.prefilledRadio, self.blankRadio)

        self.retranslateUi(NewWorkshopDialog)
        self.buttonBox.rejected.connect(NewWorkshopDialog.reject)

        QMetaObject.connectSlotsByName(NewWorkshopDialog)
    # setupUi

    def retranslateUi(self, NewWorkshopDialog):
        NewWorkshopDialog.setWindowTitle(QCoreApplication.translate("NewWorkshopDialog", u"New workshop", None))
#if QT_CONFIG(accessibility)
        NewWorkshopDialog.setAccessibleName(QCoreApplication.translate("NewWorkshopDialog", u"New workshop", None))
#endif // QT_CONFIG(accessibility)
        self.headingLabel.setText(QCoreApplication.translate("NewWorkshopDialog", u"New workshop", None))
        self.titleLabel.setText(QCoreApplication.translate("NewWorkshopDialog", u"&Title", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("NewWorkshopDialog", u"Title", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleDescription(QCoreApplication.translate("NewWorkshopDialog", u"Required", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("NewWorkshopDialog", u"For example: Customer experience charter 2027", None))
        self.organisationLabel.setText(QCoreApplication.translate("NewWorkshopDialog", u"&Organisation", None))
#if QT_CONFIG(accessibility)
        self.organisationEdit.setAccessibleName(QCoreApplication.translate("NewWorkshopDialog", u"Organisation", None))
#endif // QT_CONFIG(accessibility)
        self.organisationEdit.setPlaceholderText(QCoreApplication.translate("NewWorkshopDialog", u"Optional", None))
        self.dateLabel.setText(QCoreApplication.translate("NewWorkshopDialog", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("NewWorkshopDialog", u"Date of the workshop", None))
#endif // QT_CONFIG(accessibility)
        self.startGroup.setTitle(QCoreApplication.translate("NewWorkshopDialog", u"Start from", None))
#if QT_CONFIG(accessibility)
        self.startGroup.setAccessibleName(QCoreApplication.translate("NewWorkshopDialog", u"Start from", None))
#endif // QT_CONFIG(accessibility)
        self.prefilledRadio.setText(QCoreApplication.translate("NewWorkshopDialog", u"Start with the &usual functions, principles and example goals", None))
        self.prefilledHint.setText(QCoreApplication.translate("NewWorkshopDialog", u"Everything can be edited or removed later.", None))
        self.blankRadio.setText(QCoreApplication.translate("NewWorkshopDialog", u"&Blank", None))
        self.problemLabel.setText("")
    # retranslateUi

