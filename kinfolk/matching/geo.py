"""Distances on the Earth, and turning them into travel minutes."""

import math

import numpy as np

EARTH_RADIUS_KM = 6371.0088


def unit_vectors(lat_deg: np.ndarray, lon_deg: np.ndarray) -> np.ndarray:
    """Points as 3-D unit vectors, so a k-d tree can find neighbours by chord length."""
    lat, lon = np.radians(lat_deg), np.radians(lon_deg)
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))


def chord_for_km(km: float) -> float:
    """The straight-line chord (on the unit sphere) for a great-circle distance."""
    return 2.0 * math.sin(min(km / EARTH_RADIUS_KM, math.pi) / 2.0)


def km_between(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Great-circle km between unit vectors (row-wise)."""
    dot = np.clip(np.einsum("ij,ij->i", a, b), -1.0, 1.0)
    return EARTH_RADIUS_KM * np.arccos(dot)


def km_between_points(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle km between two points (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
