"""Grant Tracker (Sổ theo dõi hỗ trợ sinh kế).

An offline desktop tracker for livelihood support given by Women's Union offices to
survivors of human trafficking and people at risk.
"""

__version__ = "0.1.0"
APP_NAME = "grant-tracker"
