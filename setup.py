"""The one thing pyproject.toml cannot say: the top-level ``resources/`` folder (fonts,
icons, translations, the import template, the user guide) goes into the wheel as the package data
``tracker/resources``, where ``tracker.config.resources_dir()`` finds it after an install.
Everything else about the project is in pyproject.toml."""

from setuptools import find_namespace_packages, setup

# Folders of data are listed as (namespace) packages, so that their files are package data.
code = find_namespace_packages(include=["tracker", "tracker.*"], exclude=["*.__pycache__"])
data = ["tracker.resources"] + [
    f"tracker.resources.{name}"
    for name in find_namespace_packages(where="resources", exclude=["*.__pycache__"])
]

setup(
    packages=code + data,
    package_dir={"tracker.resources": "resources"},
    package_data={
        "tracker.db.migrations": ["*.mako"],
        "tracker.data.places": ["*.tsv", "*.json"],
        "tracker.resources.fonts": ["*.ttf", "*.txt", "*.md"],
        "tracker.resources.icons": ["*"],
        "tracker.resources.templates": ["*.xlsx"],
        "tracker.resources.translations": ["*.qm", "*.ts"],
        # the user guide: its pages and pictures, per language
        "tracker.resources.help.vi": ["*.html"],
        "tracker.resources.help.vi.img": ["*.png"],
        "tracker.resources.help.en": ["*.html"],
        "tracker.resources.help.en.img": ["*.png"],
    },
)
