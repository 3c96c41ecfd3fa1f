__version__ = "0.1.0"

# Make torchvision importable on a CPU-only torch the first time anything imports it (see nbs/00_core.ipynb).
from .core import install_torchvision_fix as _install_torchvision_fix
_install_torchvision_fix()
