"""The trend report preview, saving and printing, and batch reports.
"""
