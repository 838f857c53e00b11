#ifndef WARDSIM_CSODIUM_SHIM_H
#define WARDSIM_CSODIUM_SHIM_H
#include <sodium.h>
#endif
