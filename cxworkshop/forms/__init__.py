"""Python generated from the Qt Designer forms in ``ui/`` by pyside6-uic: do not edit.

After changing a form, regenerate its module from the project root, e.g.::

    pyside6-uic ui/workshop_details.ui -o cxworkshop/forms/workshop_details.py

``tests/test_forms_up_to_date.py`` fails while a module lags behind its form.
"""
