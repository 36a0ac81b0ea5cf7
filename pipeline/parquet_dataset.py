"""The claims as a partitioned Parquet dataset (``claims extract --parquet-dataset DIR``).

A folder per claim type, hive-style (``DIR/claim_type=count/part-0.parquet``), files of
at most ``ROWS_PER_FILE`` claims in input order: what Spark, DuckDB
(``read_parquet('DIR/**/*.parquet', hive_partitioning = true)``), ``pyarrow.dataset`` and
``dask.dataframe.read_parquet`` read in parallel and filter by type without opening the
other types' files. The columns and types are those of ``claims.parquet``
(``writers.parquet_schema``), ``claim_type`` aside, which the folder names hold.

The dataset is written from the run's ``claims.parquet`` once the output set is in place,
by pyarrow's own dataset writer, a row group at a time (memory does not grow with the
batch), on one thread so the files are the same for the same claims, whatever engine
extracted them. It is built in a hidden folder beside ``DIR`` and put in place in one
step (a swap where the file system has one), so a reader sees the previous dataset or
the new one; ``DIR`` must be absent, empty or a dataset written so (nothing else is
deleted).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from .errors import ClaimsError, Code, problem
from .output_set import output_path

PARTITION_COLUMN = "claim_type"
ROWS_PER_FILE = 1_000_000
ROWS_PER_GROUP = 65_536
PREFIX = ".claims-dataset-"


def is_dataset(folder: Path) -> bool:
    """Does ``folder`` hold nothing but a dataset's partitions (or nothing)?"""
    return all(entry.name.startswith(f"{PARTITION_COLUMN}=") and entry.is_dir() for entry in folder.iterdir())


def outside_of(out: Path, target: Path) -> bool:
    """Is ``target`` neither the output folder ``out`` nor in it, nor holding it? (A folder in
    ``out`` would keep its set from being swapped in whole; see ``output_set``.)"""
    out, target = Path(out).resolve(), Path(target).resolve()
    return not (target.is_relative_to(out) or out.is_relative_to(target))


def write_claims_dataset(out: Path, target: Path) -> Path:
    """Write the claims of the output folder ``out`` as a dataset in ``target``; returns ``target``.

    Raises ``ClaimsError`` E301 when it cannot be written (``target`` is then as it was).
    """
    target = Path(target)
    if target.exists() and (not target.is_dir() or not is_dataset(target)):
        reason = f"{target} holds other files than a claims dataset; give --parquet-dataset an empty or new folder"
        raise ClaimsError(problem(Code.E301, str(target), reason=reason))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=PREFIX, dir=target.parent))
    except OSError as exc:
        raise ClaimsError(problem(Code.E301, str(target), reason=exc.strerror or str(exc))) from exc
    try:
        _write(output_path(out, "claims.parquet"), staging)
        _put_in_place(staging, target)
    except OSError as exc:
        raise ClaimsError(problem(Code.E301, str(target), reason=exc.strerror or str(exc))) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _write(source: Path, folder: Path) -> None:
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    claims = pq.ParquetFile(source)
    # without the pandas metadata of the whole file, which misleads readers of the parts (dask.dataframe)
    schema = claims.schema_arrow.remove_metadata()
    kind = pa.schema([pa.field(PARTITION_COLUMN, schema.field(PARTITION_COLUMN).type)])
    ds.write_dataset(
        claims.iter_batches(),
        folder,
        schema=schema,
        format="parquet",
        partitioning=ds.partitioning(kind, flavor="hive"),
        basename_template="part-{i}.parquet",
        max_rows_per_file=ROWS_PER_FILE,
        max_rows_per_group=ROWS_PER_GROUP,
        use_threads=False,  # the rows in input order, the same files for the same claims
        existing_data_behavior="error",
    )


def _put_in_place(staging: Path, target: Path) -> None:
    """``staging`` becomes ``target``: swapped in one step where the file system can, else the
    previous dataset is moved aside first; the previous one is then deleted."""
    from .output_set import _exchange

    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):  # staging now holds the previous dataset, deleted by the caller
        return
    aside = Path(tempfile.mkdtemp(prefix=PREFIX, dir=target.parent))
    os.rename(target, aside / "previous")
    try:
        os.rename(staging, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.rename(aside / "previous", target)
        raise
    finally:
        shutil.rmtree(aside, ignore_errors=True)
