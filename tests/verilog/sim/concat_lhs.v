module top;
  reg [3:0] hi, lo;
  reg c;
  reg [7:0] w;
  initial begin
    {hi, lo} = 8'hA7;
    $display("%h %h", hi, lo);
    {c, w} = 9'h1ff + 1;
    $display("%b %h", c, w);
    w = {2{4'h3}};
    $display("%h", w);
  end
endmodule
