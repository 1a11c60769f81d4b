// Multi-dimensional arrays (Verilog-2001): element reads/writes with variable indices in each dimension.
module top;
  reg [7:0] grid [0:2][0:3];
  integer r, c;
  reg [7:0] sum;
  initial begin
    for (r = 0; r < 3; r = r + 1)
      for (c = 0; c < 4; c = c + 1)
        grid[r][c] = r * 10 + c;
    sum = 0;
    for (r = 0; r < 3; r = r + 1)
      for (c = 0; c < 4; c = c + 1)
        sum = sum + grid[r][c];
    $display("%0d %0d %0d", grid[0][0], grid[2][3], sum);
    grid[1][2][7:4] = 4'hE;
    $display("%h", grid[1][2]);
  end
endmodule
