"""One module of item-data roles: every role has a number of its own, defined in one place."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt

from cxworkshop.gui import roles

GUI = Path(roles.__file__).parent


def test_every_role_has_a_number_of_its_own_above_qts_roles():
    named = {name: int(value) for name, value in vars(roles).items() if name.endswith("_ROLE")}
    assert len(named) > 20
    assert len(set(named.values())) == len(named), "two roles share a number"
    assert min(named.values()) > int(Qt.ItemDataRole.UserRole)


def test_no_other_module_makes_up_a_role_of_its_own():
    found = []
    for path in sorted(GUI.rglob("*.py")):
        if path == GUI / "roles.py":
            continue
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "UserRole":
                found.append(f"{path.relative_to(GUI)}:{node.lineno} uses UserRole")
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name) and target.id.endswith("_ROLE"):
                        found.append(f"{path.relative_to(GUI)}:{node.lineno} defines {target.id}")
    assert found == []
