"""MkDocs hooks: every piece of build logic, in one visible place.

Each event delegates to a module in `sitebuild/` that has one job; this file
only says which job runs at which point of the build.
"""
