"""Every edit the window can make, one module per area of the workshop.

Each edit is a plain function that takes the open :class:`~..session.Session`
and plain values (ids, texts, numbers), never a widget, so the boards, the
menus and the phones' server all make the same edit the same way. An edit
makes ONE undo step (:meth:`Session.edit`) around ONE store operation (one
transaction); when the store refuses, the session reports the one-line reason
and nothing changes. Edits that are not undo steps say why (a voter's ballot,
time spent at a step). The library's edits, on workshops as a whole, take the
store and the library's own undo stack instead.

Models, pages and widgets never call a store method that writes: a test
reads their source and fails if one does.
"""
