"""The three roles of the product. A role is a group of permissions (migrations/0001_roles.py
here, sheets/migrations/0005_review_permission.py) given to a person by adding them to it;
code checks the permissions, never the group's name."""

HR = "招聘专员"
HIRING_MANAGER = "用人经理"
CATALOG_ADMIN = "能力库管理员"
ROLES = (HR, HIRING_MANAGER, CATALOG_ADMIN)
